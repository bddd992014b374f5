// `npx tsx scripts/kernel-timings.ts`: the wasm backend's own BatchMatMul vs ours (src/kernels) on
// the shapes training uses, and the filter gradient of a convolution on cpu (original vs ours) and
// wasm. Prints median milliseconds of warm runs; for the kernels room's measurements (issue #11).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { registerFastKernels } from '../src/kernels/register';
import { uninstallKernel } from '../src/kernels/install';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(f: () => tf.Tensor, budgetMs = 1500, maxReps = 15): Promise<number> {
  const warm = f();
  await warm.data();
  warm.dispose();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < maxReps && (times.length < 3 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    const out = f();
    await out.data();
    times.push(performance.now() - t0);
    out.dispose();
  }
  return median(times);
}

const MATMULS: { label: string; a: number[]; b: number[]; ta: boolean; tb: boolean }[] = [
  { label: 'dense dW = x^T dy, 784x64 . 64x128', a: [64, 784], b: [64, 128], ta: true, tb: false },
  { label: 'dense dx = dy W^T, 64x128 . (784x128)^T', a: [64, 128], b: [784, 128], ta: false, tb: true },
  { label: 'patch covariance X^T X, (4096x144)^T . 4096x144', a: [4096, 144], b: [4096, 144], ta: true, tb: false },
  { label: 'Newton-Schulz 8 x 144x144', a: [8, 144, 144], b: [8, 144, 144], ta: false, tb: false },
  { label: 'Newton-Schulz 16 x 36x36 (below threshold: original)', a: [16, 36, 36], b: [16, 36, 36], ta: false, tb: false },
  { label: 'Newton-Schulz 16 x 64x64', a: [16, 64, 64], b: [16, 64, 64], ta: false, tb: false },
  { label: 'Newton-Schulz 4 x 16x16 (below threshold: original)', a: [4, 16, 16], b: [4, 16, 16], ta: false, tb: false },
  { label: 'batched, b shared: 8 x 64x144 . 144x144', a: [8, 64, 144], b: [144, 144], ta: false, tb: false },
  { label: 'batched transposed 8 x (144x144)^T . 144x144', a: [8, 144, 144], b: [8, 144, 144], ta: true, tb: false },
  { label: 'small 2 x 8x8 . 8x8 (below threshold: original)', a: [2, 8, 8], b: [2, 8, 8], ta: false, tb: false },
  { label: 'one 576x576 (plain: original)', a: [576, 576], b: [576, 576], ta: false, tb: false },
];

async function main(): Promise<void> {
  tf.enableProdMode();
  await tf.setBackend('wasm');
  await tf.ready();
  registerFastKernels('wasm');
  console.log('BatchMatMul on wasm: original ms / ours ms');
  for (const m of MATMULS) {
    const a = tf.randomNormal(m.a);
    const b = tf.randomNormal(m.b);
    const run = () => tf.matMul(a, b, m.ta, m.tb);
    const ours = await time(run);
    uninstallKernel(tf.BatchMatMul, 'wasm');
    const original = await time(run);
    registerFastKernels('wasm');
    console.log(
      `  ${m.label.padEnd(52)} ${original.toFixed(2).padStart(9)} ${ours.toFixed(2).padStart(9)}  x${(original / ours).toFixed(1)}`,
    );
    tf.dispose([a, b]);
  }
  console.log('Conv2DBackpropFilter [32,28,28,16] -> 32, 3x3 same, stride 1 (ms)');
  const filterGrad = () => {
    const x = tf.randomNormal([32, 28, 28, 16]) as tf.Tensor4D;
    const dy = tf.randomNormal([32, 28, 28, 32]) as tf.Tensor4D;
    return {
      x,
      dy,
      run: () =>
        tf.engine().runKernel<tf.Tensor>(tf.Conv2DBackpropFilter, { x, dy }, {
          strides: 1,
          pad: 'same',
          dataFormat: 'NHWC',
          filterShape: [3, 3, 16, 32],
        } as unknown as tf.NamedAttrMap),
    };
  };
  {
    const { x, dy, run } = filterGrad();
    console.log(`  wasm (ours)         ${(await time(run)).toFixed(1)}`);
    tf.dispose([x, dy]);
  }
  await tf.setBackend('cpu');
  registerFastKernels('cpu');
  {
    const { x, dy, run } = filterGrad();
    console.log(`  cpu (ours)          ${(await time(run, 3000, 3)).toFixed(1)}`);
    uninstallKernel(tf.Conv2DBackpropFilter, 'cpu');
    console.log(`  cpu (original)      ${(await time(run, 1, 1)).toFixed(1)}`);
    tf.dispose([x, dy]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
