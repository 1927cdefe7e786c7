import { podTemplateRefused, portNameProblem } from './k8sSyntax';
import { containerName, podSpecOf, templateContainers } from './podTemplate';
import { field, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

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
          out.push({ path: containerPort === undefined ? at : [...at, 'containerPort'], target: containerPort === undefined ? 'value' : 'value', message: t('port-invalid.noContainerPort', { refused: podTemplateRefused(), container: containerName(c) }) });
        } else if (typeof containerPort === 'number' && !inRange(containerPort)) {
          out.push({ path: [...at, 'containerPort'], message: t('port-invalid.containerPortRange', { refused: podTemplateRefused(), containerPort }) });
        }
        if (typeof hostPort === 'number' && hostPort !== 0 && !inRange(hostPort)) {
          out.push({ path: [...at, 'hostPort'], message: t('port-invalid.hostPortRange', { refused: podTemplateRefused(), hostPort }) });
        } else if (hostNetwork && typeof hostPort === 'number' && hostPort !== 0 && typeof containerPort === 'number' && hostPort !== containerPort) {
          out.push({ path: [...at, 'hostPort'], message: t('port-invalid.hostNetwork', { refused: podTemplateRefused(), containerPort }) });
        }
        if (typeof hostPort === 'number' && hostPort > 0 && inRange(hostPort)) {
          const key = `${typeof protocol === 'string' && protocol ? protocol : 'TCP'}/${typeof port.hostIP === 'string' ? port.hostIP : ''}/${hostPort}`;
          if (hostPorts.has(key)) out.push({ path: [...at, 'hostPort'], message: t('port-invalid.hostPortTwice', { refused: podTemplateRefused(), hostPort }) });
          hostPorts.add(key);
        }
        if (typeof name === 'string' && name !== '') {
          const problem = portNameProblem(name);
          if (problem) out.push({ path: [...at, 'name'], message: t('port-invalid.name', { refused: podTemplateRefused(), name, problem }) });
          else if (names.has(name)) out.push({ path: [...at, 'name'], message: t('port-invalid.duplicateName', { refused: podTemplateRefused(), container: containerName(c), name }) });
          names.add(name);
        }
        if (typeof protocol === 'string' && protocol !== '' && !protocols.includes(protocol)) {
          out.push({ path: [...at, 'protocol'], message: t('port-invalid.protocol', { refused: podTemplateRefused(), protocol, v: protocols.join(', ') }) });
        }
        return out;
      });
    });
  },
};
