import { parseQuantity, podTemplateRefused } from './k8sSyntax';
import { podSpecPath, templateVolumes } from './podTemplate';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';

const hostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const withModes = ['configMap', 'secret', 'downwardAPI', 'projected'];

function pathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return 'must be a relative path';
  if (path.split('/').includes('..')) return "must not contain '..'";
  return undefined;
}

/**
 * Pod volume sources the API server refuses: a file mode outside 0–0777, an item path that
 * is absolute or climbs with '..', an emptyDir sizeLimit that is not a quantity of at least
 * zero, an unknown hostPath type, and a persistentVolumeClaim without claimName.
 */
export const volumeSourceInvalid: Rule = {
  id: 'volume-source-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    return templateVolumes(object.value).flatMap(({ volume, index: i }): RuleResult[] => {
      const at = [...podSpecPath, 'volumes', i];
      const out: RuleResult[] = [];
      const say = (path: (string | number)[], message: string): void => { out.push({ path: [...at, ...path], message: `${podTemplateRefused()}: ${message}` }); };
      for (const kind of withModes) {
        const source = volume[kind];
        if (!isRecord(source)) continue;
        const mode = source.defaultMode;
        if (typeof mode === 'number' && (mode < 0 || mode > 0o777)) say([kind, 'defaultMode'], `defaultMode ${mode} is outside 0–0777 (octal; 511 in decimal).`);
        records(source.items).forEach((item, j) => {
          const problem = typeof item.path === 'string' ? pathProblem(item.path) : undefined;
          if (problem) say([kind, 'items', j, 'path'], `the item path "${String(item.path)}" ${problem}.`);
          if (typeof item.mode === 'number' && (item.mode < 0 || item.mode > 0o777)) say([kind, 'items', j, 'mode'], `mode ${item.mode} is outside 0–0777.`);
        });
      }
      const sizeLimit = field(volume, 'emptyDir', 'sizeLimit');
      if (sizeLimit !== undefined && sizeLimit !== null) {
        const amount = parseQuantity(sizeLimit);
        if (amount !== undefined && amount < 0) say(['emptyDir', 'sizeLimit'], `emptyDir sizeLimit ${String(sizeLimit)} must not be negative.`);
      }
      const hostPath = field(volume, 'hostPath', 'path');
      if (typeof hostPath === 'string' && hostPath.split('/').includes('..')) say(['hostPath', 'path'], `hostPath path "${hostPath}" must not contain '..'.`);
      const hostPathType = field(volume, 'hostPath', 'type');
      if (typeof hostPathType === 'string' && !hostPathTypes.includes(hostPathType)) say(['hostPath', 'type'], `hostPath type "${hostPathType}" is not one of ${hostPathTypes.filter(Boolean).join(', ')}.`);
      for (const kind of ['configMap', 'secret']) {
        const source = volume[kind];
        const key = kind === 'secret' ? 'secretName' : 'name';
        if (isRecord(source) && (source[key] === undefined || source[key] === null || source[key] === '')) say([kind], `a ${kind} volume needs ${key}.`);
      }
      const claim = volume.persistentVolumeClaim;
      if (isRecord(claim) && (claim.claimName === undefined || claim.claimName === '')) say(['persistentVolumeClaim'], 'a persistentVolumeClaim volume needs a claimName.');
      return out;
    });
  },
};
