// The cost of one edit without the JSON-RPC round trip: the server's own steps (apply the
// change to the DocumentStore, check, turn findings into positions, update the index) for
// 300 one-character edits in the middle of a file, as lsp-bench types them.
//   node --import tsx scripts/edit-in-process.ts [FILE]   (default: bench/fixtures/k8s-1000.yaml, see docs/benchmark.md)
import { readFileSync } from 'node:fs';
import { checkFile } from '../server/src/service/languageService';
import { DocumentStore } from '../server/src/service/parse/documentStore';
import { defaultSettings } from '../server/src/service/settings';
import { WorkspaceIndex } from '../server/src/service/workspace/workspaceIndex';

const text = readFileSync(process.argv[2] ?? 'bench/fixtures/k8s-1000.yaml', 'utf8');
const store = new DocumentStore();
store.setText(text);
const index = new WorkspaceIndex();
index.set('file:///bench.yaml', checkFile('file:///bench.yaml', store, defaultSettings, index).services);
// Like lsp-bench: at the end of the word of the `value: <word>` line nearest the middle (inside its quotes).
const lines = text.split('\n');
const middle = Math.floor(lines.length / 2);
const valueLine = /^(\s*(?:-\s+)?value:\s+"?)([A-Za-z][\w.-]*)"?\s*$/;
let line = middle;
for (let d = 0; d < lines.length && !valueLine.test(lines[line] ?? ''); d++) line = valueLine.test(lines[middle + d] ?? '') ? middle + d : middle - d;
const match = valueLine.exec(lines[line] ?? '');
const column = (match?.[1]?.length ?? 0) + (match?.[2]?.length ?? 0);
const edits = 300;
const times: number[] = [];
for (let i = 0; i < edits; i++) {
  const started = performance.now();
  store.edit({ line, character: column + i }, { line, character: column + i }, 'a');
  const file = checkFile('file:///bench.yaml', store, defaultSettings, index);
  file.findings.forEach((f) => file.lines.positionAt(f.start));
  index.set('file:///bench.yaml', file.services);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number): string => (times[Math.floor(q * (edits - 1))] ?? 0).toFixed(2);
console.log(`${store.documents().length} documents, ${edits} edits: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
