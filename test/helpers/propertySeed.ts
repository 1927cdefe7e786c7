import fc from 'fast-check';

/**
 * Property tests in `npm test` run from one fixed seed, so every machine gets the same answer
 * and a CI run is never red by luck. FUZZ_SEED=<n> replays a failure (FUZZ_PATH=<path> too);
 * FUZZ_SEED=random explores, as the long run (`npm run fuzz`) does.
 */
const fixedSeed = 20261206;
const seed = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? fixedSeed);
if (seed !== undefined) fc.configureGlobal({ seed, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) });
