import { availableParallelism } from 'node:os';

/** Jest runs the TypeScript sources as native ES modules (NestJS 12 is ESM-only). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // Generous: a test passes by its work, in seconds here; this only ends one that hangs, even on a machine
  // ten times slower (servers start in child processes, the scheduler's tests run solvers).
  testTimeout: 120_000,
  // Each suite waits on a server of its own in a child process (and the browser suites on Chromium),
  // so a worker per core, at least two, keeps both cores busy: the suite took 6 min with Jest's
  // default of one worker on this 2-core machine, 3 min 50 s with two.
  maxWorkers: Math.max(2, availableParallelism()),
};
