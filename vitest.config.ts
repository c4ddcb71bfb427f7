import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/rapport-final.ts'],
    // Fails the run if a test leaves a process behind.
    globalSetup: ['./tests/support/sans-processus-restant.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A few unit tests make RSA keys or a real SQLite register: on 2 loaded cores they can pass
          // 5 s. The bound only catches a hang; speed is measured by the benches, never by a timeout.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A loaded machine (2 cores, Chromium and the app's server) can take seconds to re-render:
          // polls wait for the screen, never a fixed 1 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
