import type { KubeObject } from '../model';
import { field, labelMap, records } from '../rules/read';
import { entryLines, type Rendered } from './yamlText';

/** The YAML of a headless Service that governs a StatefulSet's pods: their labels, their container ports. */
export function headlessServiceText(statefulSet: KubeObject, name: string): string {
  const templateLabels = labelMap(field(statefulSet.value, 'spec', 'template', 'metadata', 'labels'));
  const matchLabels = labelMap(field(statefulSet.value, 'spec', 'selector', 'matchLabels'));
  // A template that misses the selector's labels gets them (selector-mismatch's preferred fix, also in
  // the same fix-all): select the pods by those, so that both fixes agree.
  const misses = Object.entries(matchLabels).some(([key, value]) => templateLabels[key] !== value);
  const podLabels = misses ? { ...templateLabels, ...matchLabels } : templateLabels;
  const ports = records(field(statefulSet.value, 'spec', 'template', 'spec', 'containers'))
    .flatMap((container) => records(container.ports))
    .filter((port) => typeof port.containerPort === 'number')
    .map((port) => ({ ...(typeof port.name === 'string' ? { name: port.name } : {}), port: port.containerPort as number }));
  const metadata: Record<string, string> = { name };
  if (statefulSet.namespace) metadata.namespace = statefulSet.namespace;
  const spec: Record<string, Rendered> = { clusterIP: 'None', selector: podLabels };
  if (ports.length > 0) spec.ports = ports;
  const service = { apiVersion: 'v1', kind: 'Service', metadata, spec };
  return `${entryLines(service, 0, 2)}\n`;
}

