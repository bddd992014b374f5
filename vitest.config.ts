import { defineConfig } from 'vitest/config';

const GPU_TESTS = 'src/gpu/**/*.gpu.test.ts';
/** Long runs (minutes of CPU): their own project, so `--project cpu` skips them in quick runs. */
const SOAK_TESTS = 'src/**/*.soak.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'cpu',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [GPU_TESTS, SOAK_TESTS, '**/node_modules/**'],
          setupFiles: ['src/testing/setupTf.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'soak',
          include: [SOAK_TESTS],
          setupFiles: ['src/testing/setupTf.ts'],
        },
      },
      {
        // WGSL kernels on WebGPU in Node (Dawn; SwiftShader on machines without a GPU).
        extends: true,
        test: {
          name: 'gpu',
          include: [GPU_TESTS],
          setupFiles: ['src/gpu/testing/setupGpuTests.ts'],
        },
      },
    ],
  },
});
