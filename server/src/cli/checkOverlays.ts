import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkOverlay, stopOverlayEngine } from '../host/overlayCheck';
import { kustomizationFileIn, overlayRoots, topOverlays } from '../host/kustomize/index';
import type { Settings } from '../service/settings';
import { WorkspaceIndex } from '../service/workspace/workspaceIndex';
import { displayPath, toReported } from './check';
import type { Reported } from './report';

/**
 * The overlays among the paths: each folder with a kustomization file, at or below a PATH (not in
 * node_modules or dot folders), except those another of them includes: a base is checked through
 * the overlays that use it (its own findings as a plain file come from its YAML files). Folders
 * in a cycle are kept: kustomize reports the cycle.
 */
export function overlaysIn(paths: readonly string[]): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    if (kustomizationFileIn(dir)) found.push(resolve(dir));
    for (const entry of readdirSync(dir).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
    }
  };
  for (const path of paths) if (path !== '-' && existsSync(path) && statSync(path).isDirectory()) visit(path);
  const unique = [...new Set(found)];
  return topOverlays(new Map(unique.map((dir) => [dir, overlayRoots(dir)])));
}

/**
 * `sts check OVERLAY_DIR`: each overlay built with kustomize's engine (built in: nothing external
 * runs), its findings on the patch, kustomization or base line that wrote them. A finding a plain
 * check of the same file already reported (same place, same rule) is not repeated.
 */
export async function checkOverlays(overlays: readonly string[], settings: Settings, plain: readonly Reported[]): Promise<Reported[]> {
  const reports: Reported[] = [];
  const seen = new Set(plain.map((r) => `${r.file}\n${r.line}\n${r.rule}`));
  try {
    for (const dir of overlays) {
      const checked = await checkOverlay(dir, settings, new WorkspaceIndex());
      if (!checked) continue;
      for (const [uri, findings] of checked.byUri) {
        const lines = checked.linesOf(uri);
        if (!lines) continue;
        for (const finding of findings) {
          const report = toReported(displayPath(uri), finding, lines, checked.linesOf);
          const key = `${report.file}\n${report.line}\n${report.rule}`;
          if (!seen.has(key)) reports.push(report);
        }
      }
    }
  } finally {
    await stopOverlayEngine(); // its worker thread would keep the process alive
  }
  return reports;
}
