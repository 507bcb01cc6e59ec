/**
 * Two projects: `unit` (pure logic, no I/O) and `integration` (HTTP and database against the real
 * MongoDB-wire server that global-setup starts, or MONGODB_URI when set). Files in one project run in
 * parallel: each suite creates its own database, so no suite depends on another's data.
 */
const testMatch = ['**/*.test.ts'];
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

module.exports = {
  maxWorkers: 2,
  // Integration suites start servers and race hundreds of requests on 2 cores; unit suites finish far sooner.
  testTimeout: 60000,
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch, roots: ['<rootDir>/test/unit'] },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch,
      roots: ['<rootDir>/test/integration', '<rootDir>/test/e2e'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
