import { serveGoWasm } from '../goWasm/goWasmWorker';
import type { ToHelmWorker } from './helmWorkerMessages';
import type { RenderRequest } from './renderTypes';
import { SentFiles, staleFileSetMessage, type FileDelta } from './sentFiles';
import { warmUpFiles } from './warmUpChart';

// The entry of dist/helmWorker.js: a worker thread that holds Helm's engine compiled to
// WebAssembly (go/helm/cmd/wasm) and renders one request at a time (the shared Go-WebAssembly
// worker, ../goWasm/goWasmWorker.ts, loads the module and answers). A render blocks this thread;
// the server stops it from outside when it takes too long.

function base64(content: Uint8Array | string): string {
  return (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength)).toString('base64');
}

/** The request as go/helm's Request JSON ([]byte fields are base64); with a delta, only what changed of the chart's files. */
function requestJson(request: Omit<RenderRequest, 'chartDir'>, delta?: FileDelta): string {
  const files: Record<string, string> = {};
  for (const [name, content] of delta?.files ?? request.files) files[name] = base64(content);
  return JSON.stringify({
    ...(delta ? { chart: delta.chart, base: delta.base, generation: delta.generation, removed: delta.removed } : {}),
    files,
    valuesFiles: (request.valuesFiles ?? []).map((f) => ({ name: f.name, content: base64(f.content) })),
    set: request.set ?? [],
    setString: request.setString ?? [],
    releaseName: request.releaseName ?? '',
    namespace: request.namespace ?? '',
    kubeVersion: request.kubeVersion ?? '',
    apiVersions: request.apiVersions ?? [],
  });
}

const sent = new SentFiles();
const warmUpJson = requestJson({ files: warmUpFiles(), set: ['replicas=5'] });

serveGoWasm<ToHelmWorker>({
  name: 'Helm',
  entry: '__helmEngineRender',
  readyCallback: '__helmEngineReady',
  answer(render, { chart, request }) {
    let responseJson = render(requestJson(request, chart !== undefined ? sent.delta(chart, request.files) : undefined));
    if (chart !== undefined && responseJson.includes(staleFileSetMessage)) {
      sent.forget(chart);
      responseJson = render(requestJson(request, sent.delta(chart, request.files)));
    }
    return responseJson;
  },
  // A small chart rendered again and again after the load, until the first request (see warmUpChart.ts).
  warmUp: {
    next: () => warmUpJson,
    afterRequests: false,
    countFirst: true,
    failed(responseJson) {
      const response = JSON.parse(responseJson) as { error?: { message: string } };
      return response.error && `the warm-up chart did not render: ${response.error.message}`;
    },
  },
});
