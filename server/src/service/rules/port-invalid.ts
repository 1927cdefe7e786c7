import { podTemplateRefused, portNameProblem } from './k8sSyntax';
import { containerName, podSpecOf, templateContainers } from './podTemplate';
import { field, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';

const protocols = ['TCP', 'UDP', 'SCTP'];
const inRange = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65535;

/**
 * Container ports the API server refuses: a containerPort missing or outside 1–65535, a
 * hostPort outside it, a name that is not an IANA service name (at most 15 characters,
 * a-z, 0-9 and single hyphens, at least one letter) or repeats in the container, a protocol
 * other than TCP, UDP or SCTP, a hostPort (with its protocol) used twice in the pod, and
 * under hostNetwork a hostPort other than the containerPort.
 */
export const portInvalid: Rule = {
  id: 'port-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    const hostNetwork = field(podSpecOf(object.value), 'hostNetwork') === true;
    const hostPorts = new Set<string>();
    return templateContainers(object.value).flatMap((c) => {
      const names = new Set<string>();
      return records(c.container.ports).flatMap((port, i): RuleResult[] => {
        const at = [...c.path, 'ports', i];
        const out: RuleResult[] = [];
        const { containerPort, hostPort, name, protocol } = port;
        if (containerPort === undefined || containerPort === 0) {
          out.push({ path: containerPort === undefined ? at : [...at, 'containerPort'], target: containerPort === undefined ? 'value' : 'value', message: `${podTemplateRefused()}: a port of container ${containerName(c)} needs a containerPort (1–65535).` });
        } else if (typeof containerPort === 'number' && !inRange(containerPort)) {
          out.push({ path: [...at, 'containerPort'], message: `${podTemplateRefused()}: containerPort ${containerPort} is outside 1–65535.` });
        }
        if (typeof hostPort === 'number' && hostPort !== 0 && !inRange(hostPort)) {
          out.push({ path: [...at, 'hostPort'], message: `${podTemplateRefused()}: hostPort ${hostPort} is outside 1–65535.` });
        } else if (hostNetwork && typeof hostPort === 'number' && hostPort !== 0 && typeof containerPort === 'number' && hostPort !== containerPort) {
          out.push({ path: [...at, 'hostPort'], message: `${podTemplateRefused()}: with hostNetwork, hostPort must equal containerPort (${containerPort}).` });
        }
        if (typeof hostPort === 'number' && hostPort > 0 && inRange(hostPort)) {
          const key = `${typeof protocol === 'string' && protocol ? protocol : 'TCP'}/${typeof port.hostIP === 'string' ? port.hostIP : ''}/${hostPort}`;
          if (hostPorts.has(key)) out.push({ path: [...at, 'hostPort'], message: `${podTemplateRefused()}: hostPort ${hostPort} is used twice in the pod.` });
          hostPorts.add(key);
        }
        if (typeof name === 'string' && name !== '') {
          const problem = portNameProblem(name);
          if (problem) out.push({ path: [...at, 'name'], message: `${podTemplateRefused()}: the port name "${name}" ${problem}.` });
          else if (names.has(name)) out.push({ path: [...at, 'name'], message: `${podTemplateRefused()}: container ${containerName(c)} has two ports named "${name}".` });
          names.add(name);
        }
        if (typeof protocol === 'string' && protocol !== '' && !protocols.includes(protocol)) {
          out.push({ path: [...at, 'protocol'], message: `${podTemplateRefused()}: protocol "${protocol}" is not one of ${protocols.join(', ')}.` });
        }
        return out;
      });
    });
  },
};
