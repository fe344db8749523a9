/** Jest runs the TypeScript sources as ESM through ts-jest (type checking is `tsc --noEmit`, run first by `npm test`). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts', '<rootDir>/rules/**/*.test.ts'],
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  testTimeout: 30000
};
