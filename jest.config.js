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
};
