import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFiles } from '../../server/src/cli/check';
import { defaultSettings } from '../../server/src/service/settings';

/** The folder of the real-world set: one folder per repository (`owner+name`), its files at their own paths. */
export const realWorldRoot = import.meta.dirname;

/** The repositories of the set. */
export function repositories(): string[] {
  return readdirSync(realWorldRoot).filter((entry) => entry.includes('+') && statSync(join(realWorldRoot, entry)).isDirectory()).sort();
}

/** One finding of the set as the triage names it: `owner+name/path:line severity rule`, and its message. */
export interface RealWorldFinding {
  key: string;
  rule: string;
  severity: string;
  message: string;
}

/**
 * `sts check <repository folder>` for each repository of the set, as a new user runs it on a
 * clone: every YAML file of the folder is checked, the folder's Services form the workspace.
 */
export function runRealWorld(): RealWorldFinding[] {
  return repositories().flatMap((repo) => {
    const reported = checkFiles([join(realWorldRoot, repo)], defaultSettings, () => '');
    return reported.map((r) => ({
      key: `${relative(realWorldRoot, r.file)}:${r.line} ${r.severity} ${r.rule}`,
      rule: r.rule,
      severity: r.severity,
      message: r.message,
    }));
  });
}

// Run directly (`node --import tsx test/realworld/runRealWorld.ts`): print every finding with its message, for triage.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const f of runRealWorld()) process.stdout.write(`${f.key} | ${f.message.replace(/\n/g, ' ')}\n`);
}
