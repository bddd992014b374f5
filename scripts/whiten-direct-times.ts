// The direct whitening engine's answer to each kind of slider change on the bench's 512x512 synthetic
// photo, grey and colour, k = 3, 5, 7, K = 15 (issue #15): a change of eps or K (patch statistics
// reused), of k or stride (image analysis reused) and a new image. CPU time of this process (median),
// which a busy shared machine distorts far less than wall time.
// Run: node --import tsx scripts/whiten-direct-times.ts [reps=9]
import { syntheticPhoto } from '../src/bench/syntheticImage';
import { createWhitenCache } from '../src/core/whitenDirect/whitenCache';
import { whitenImageDirect } from '../src/core/whitenDirect/whitenDirect';
import type { WhitenOptions } from '../src/core/whitenInput';

const reps = Math.max(1, Number(process.argv[2] ?? 9));
const image = syntheticPhoto(512, 3);

function cpuMs(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`case             new eps or K   new k or stride   new image   (ms CPU, median of ${reps})`);
for (const grey of [true, false]) {
  for (const kernel of [3, 5, 7]) {
    const opts: WhitenOptions = { kernel, grey, eps: 1e-5, iters: 15, samplingStride: 3 };
    const cache = createWhitenCache();
    whitenImageDirect(image, opts, cache);
    const times = { K: [] as number[], k: [] as number[], image: [] as number[] };
    for (let r = 0; r < reps; r += 1) {
      // Alternate K so every run recomputes D and the convolution.
      times.K.push(cpuMs(() => whitenImageDirect(image, { ...opts, iters: r % 2 ? 15 : 14 }, cache)));
      times.k.push(cpuMs(() => whitenImageDirect(image, opts, { ...cache, statistics: () => undefined })));
      times.image.push(cpuMs(() => whitenImageDirect(image, opts)));
    }
    const cell = (xs: number[]) => median(xs).toFixed(1).padStart(12);
    console.log(`${(grey ? 'grey' : 'colour').padEnd(7)} k=${kernel}    ${cell(times.K)}   ${cell(times.k)}      ${cell(times.image)}`);
  }
}
