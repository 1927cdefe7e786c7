#!/usr/bin/env node
// `npm run bench`'s entry for `sts status` on 100 pods: runs scripts/bench-status.ts (TypeScript, through tsx).
import { spawnSync } from 'node:child_process';
const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-status.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 2);
