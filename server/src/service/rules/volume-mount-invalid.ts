import { podTemplateRefused } from './k8sSyntax';
import { containerName, templateContainers } from './podTemplate';
import { field, isStatefulSet, records } from './read';
import type { Rule, RuleResult } from './types';
import { t } from '../../messages';

const propagations = ['None', 'HostToContainer', 'Bidirectional'];

function subPathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return t('volume-mount-invalid.relative');
  if (path.split('/').includes('..')) return t('volume-mount-invalid.dotdot');
  return undefined;
}

/**
 * Volume mounts the API server refuses: no mountPath, the same mountPath twice in a
 * container, a subPath that is absolute or climbs with '..', an unknown mountPropagation,
 * and Bidirectional propagation on a container that is not privileged.
 */
export const volumeMountInvalid: Rule = {
  id: 'volume-mount-invalid',
  severity: 'error',
  scope: 'document',
  check: ({ object }) => {
    if (!isStatefulSet(object)) return [];
    return templateContainers(object.value).flatMap((c) => {
      const paths = new Set<string>();
      const privileged = field(c.container, 'securityContext', 'privileged') === true;
      return records(c.container.volumeMounts).flatMap((mount, i): RuleResult[] => {
        const at = [...c.path, 'volumeMounts', i];
        const out: RuleResult[] = [];
        const { mountPath, subPath, mountPropagation } = mount;
        if (mountPath === undefined || mountPath === '') out.push({ path: mountPath === undefined ? at : [...at, 'mountPath'], message: t('volume-mount-invalid.noMountPath', { refused: podTemplateRefused(), container: containerName(c) }) });
        else if (typeof mountPath === 'string') {
          if (paths.has(mountPath)) out.push({ path: [...at, 'mountPath'], message: t('volume-mount-invalid.duplicatePath', { refused: podTemplateRefused(), container: containerName(c), mountPath }) });
          paths.add(mountPath);
        }
        const problem = typeof subPath === 'string' ? subPathProblem(subPath) : undefined;
        if (problem) out.push({ path: [...at, 'subPath'], message: t('volume-mount-invalid.subPath', { refused: podTemplateRefused(), subPath: String(subPath), problem }) });
        if (typeof mountPropagation === 'string') { // "" is set too, and not one of them
          if (!propagations.includes(mountPropagation)) out.push({ path: [...at, 'mountPropagation'], message: t('volume-mount-invalid.propagation', { refused: podTemplateRefused(), mountPropagation, v: propagations.join(', ') }) });
          else if (mountPropagation === 'Bidirectional' && !privileged) out.push({ path: [...at, 'mountPropagation'], message: t('volume-mount-invalid.bidirectional', { refused: podTemplateRefused() }) });
        }
        return out;
      });
    });
  },
};
