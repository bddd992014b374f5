// Unit tests run on the tfjs cpu backend: it is the float32 reference for every numeric test.
// tfjs-core registers no gradients by itself; Vitest resolves this ESM path (plain Node does not,
// see src/cli/nodeBackend.ts), so every cpu test gets autograd without importing it again.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll } from 'vitest';

beforeAll(async () => {
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  await tf.ready();
});
