import { fixAll } from './codeActions';
import { applyEdits } from './fixes/applyEdits';
import { checkFile } from './languageService';
import type { Settings } from './settings';
import type { WorkspaceIndex } from './workspace/workspaceIndex';

/** A file after "fix all", repeated until nothing more is fixable, and the rules whose findings were fixed. */
export interface FixedText {
  text: string;
  fixed: string[];
}

/** One fix can make another possible (apps/v1 first, then its selector): a few rounds settle it. */
const maxRounds = 5;

/** Applies every preferred fix that edits only this file, as `sts check --fix` does. */
export function fixFile(uri: string, text: string, settings: Settings, index: WorkspaceIndex): FixedText {
  let current = text;
  const fixed: string[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const file = checkFile(uri, current, settings, index);
    const applied = fixAll(uri, file, settings, (target) => (target === uri ? file.documents : undefined));
    if (applied.length === 0) break;
    current = applyEdits(current, applied.flatMap((fix) => fix.edits));
    fixed.push(...applied.map((fix) => fix.rule));
  }
  return { text: current, fixed };
}
