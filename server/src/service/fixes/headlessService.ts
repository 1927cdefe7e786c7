import type { KubeObject } from '../model';
import { field, labelMap, records } from '../rules/read';
import { entryLines, type Rendered } from './yamlText';

/** The YAML of a headless Service that governs a StatefulSet's pods: their labels, their container ports. */
export function headlessServiceText(statefulSet: KubeObject, name: string): string {
  const podLabels = labelMap(field(statefulSet.value, 'spec', 'template', 'metadata', 'labels'));
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

