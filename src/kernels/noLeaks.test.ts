// Training on wasm leaves nothing behind: after warm-up, both the engine's tensor count and the wasm
// backend's own data ids (where an undisposed kernel intermediate would show) stay flat across steps.
// Block 8 per-block: Newton–Schulz on [groups, 72, 72] takes our batched XNNPACK path.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createModel } from '../nn/createModel';
import type { ModelName } from '../train/protocol';
import { VariantRunner } from '../train/variantRunner';
import { useCpu, useWasm } from './testing/backends';

describe('no leaks on wasm', () => {
  afterAll(useCpu);

  for (const name of ['simple-cnn', 'resnet-mini'] as ModelName[]) {
    it(`${name} / deconv (strided sampling, gather gradients, batched matmuls): flat over 5 steps`, async () => {
      await useWasm();
      const settings = {
        deconv: { block: 8, iters: 5, eps: 1e-5, samplingStride: 2, freezeIters: 0, blockMode: 'per-block' as const, momentum: 0.1 },
        inputIters: 15,
      };
      const model = createModel(name, 'deconv', [12, 12, 3], 4, settings, 1);
      const runner = new VariantRunner(model, { kind: 'sgd', momentum: 0.9, weightDecay: 1e-3 });
      const x = tf.randomUniform([6, 12, 12, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1], 'int32'), 4), 'float32')) as tf.Tensor2D;
      model.prepareInputStatistics(x);
      for (let i = 0; i < 2; i += 1) await runner.step(x, y, 0.01);
      const before = [tf.memory().numTensors, tf.engine().backend.numDataIds()];
      for (let i = 0; i < 5; i += 1) expect(Number.isFinite((await runner.step(x, y, 0.01)).loss)).toBe(true);
      expect([tf.memory().numTensors, tf.engine().backend.numDataIds()]).toEqual(before);
      tf.dispose([x, y]);
      runner.dispose();
    });
  }
});
