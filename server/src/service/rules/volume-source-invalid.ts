import { parseQuantity, podTemplateRefused } from './k8sSyntax';
import { podSpecPath, templateVolumes } from './podTemplate';
import { field, isRecord, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const hostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const withModes = ['configMap', 'secret', 'downwardAPI', 'projected'];

function pathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return t('volume-source-invalid.relative');
  if (path.split('/').includes('..')) return t('volume-source-invalid.dotdot');
  if (path.startsWith('..')) return t('volume-source-invalid.dotdotStart'); // ..data is the kubelet's own
  return undefined;
}

/**
 * Pod volume sources the API server refuses: a file mode outside 0–0777, an item without a key
 * or a path, an item path that is absolute, climbs with '..' or starts with '..', an emptyDir sizeLimit that is not a quantity of at least
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
      const say = (path: (string | number)[], message: string): void => { out.push({ path: [...at, ...path], message: t('k8s.refusedBecause', { refused: podTemplateRefused(), reason: message }) }); };
      for (const kind of withModes) {
        const source = volume[kind];
        if (!isRecord(source)) continue;
        const mode = source.defaultMode;
        if (typeof mode === 'number' && (mode < 0 || mode > 0o777)) say([kind, 'defaultMode'], t('volume-source-invalid.defaultMode', { mode }));
        records(source.items).forEach((item, j) => {
          // validateKeyToPath: a key and a path are required (a downwardAPI item has no key).
          if (kind !== 'downwardAPI' && (item.key === undefined || item.key === null || item.key === '')) say([kind, 'items', j, ...(item.key === undefined ? [] : ['key'])], t('volume-source-invalid.itemNeeds', { field: 'key' }));
          if (item.path === undefined || item.path === null || item.path === '') say([kind, 'items', j, ...(item.path === undefined ? [] : ['path'])], t('volume-source-invalid.itemNeeds', { field: 'path' }));
          const problem = typeof item.path === 'string' ? pathProblem(item.path) : undefined;
          if (problem) say([kind, 'items', j, 'path'], t('volume-source-invalid.itemPath', { path: String(item.path), problem }));
          if (typeof item.mode === 'number' && (item.mode < 0 || item.mode > 0o777)) say([kind, 'items', j, 'mode'], t('volume-source-invalid.mode', { mode: item.mode }));
        });
      }
      const sizeLimit = field(volume, 'emptyDir', 'sizeLimit');
      if (sizeLimit !== undefined && sizeLimit !== null) {
        const amount = parseQuantity(sizeLimit);
        if (amount !== undefined && amount < 0) say(['emptyDir', 'sizeLimit'], t('volume-source-invalid.sizeLimit', { sizeLimit: String(sizeLimit) }));
      }
      const hostPath = field(volume, 'hostPath', 'path');
      if (isRecord(volume.hostPath) && (hostPath === undefined || hostPath === null || hostPath === '')) say(['hostPath', ...(hostPath === undefined ? [] : ['path'])], t('volume-source-invalid.hostPathNeeds'));
      if (typeof hostPath === 'string' && hostPath.split('/').includes('..')) say(['hostPath', 'path'], t('volume-source-invalid.hostPathDotDot', { hostPath }));
      const hostPathType = field(volume, 'hostPath', 'type');
      if (typeof hostPathType === 'string' && !hostPathTypes.includes(hostPathType)) say(['hostPath', 'type'], t('volume-source-invalid.hostPathType', { hostPathType, v: hostPathTypes.filter(Boolean).join(', ') }));
      for (const kind of ['configMap', 'secret']) {
        const source = volume[kind];
        const key = kind === 'secret' ? 'secretName' : 'name';
        if (isRecord(source) && (source[key] === undefined || source[key] === null || source[key] === '')) say([kind], t('volume-source-invalid.needsKey', { kind, key }));
      }
      const claim = volume.persistentVolumeClaim;
      if (isRecord(claim) && (claim.claimName === undefined || claim.claimName === '')) say(['persistentVolumeClaim'], t('volume-source-invalid.claimName'));
      return out;
    });
  },
};
