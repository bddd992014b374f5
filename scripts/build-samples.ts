/**
 * Builds public/samples/ (the whitening view's sample photos) from Debian's scikit-image and
 * scikit-learn packages. Outputs are committed; CI never runs this.
 *
 *   npx tsx scripts/build-samples.ts              # apt-get download + dpkg -x into a temp dir
 *   npx tsx scripts/build-samples.ts --from DIR   # DIR already holds the extracted packages
 *
 * Every photo is shrunk to at most 512 px on its long side with our area-average resampler.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { fitWithin, resizeArea, type RasterImage } from '../src/data/resizeArea';

const MAX_SIDE = 512;
const JPEG_QUALITY = 90;
const OUT_DIR = resolve(import.meta.dirname, '..', 'public', 'samples');
const SKIMAGE = 'usr/lib/python3/dist-packages/skimage/data';
const SKLEARN = 'usr/lib/python3/dist-packages/sklearn/datasets/images';

interface SampleSpec {
  source: string; // path inside the extracted packages
  out: string; // file name under public/samples
  title: string;
  credit: string; // exactly the line of shared/spec/data-sources.md
  /** JPEG quality when re-encoding a lossless source (fewer block artefacts for whitening to amplify). */
  quality?: number;
}

const SAMPLES: SampleSpec[] = [
  {
    source: `${SKIMAGE}/astronaut.png`,
    out: 'astronaut.jpg',
    title: 'Astronaut',
    quality: 95,
    credit: 'astronaut.png: Eileen Collins, NASA Great Images (public domain), via scikit-image.',
  },
  {
    source: `${SKIMAGE}/chelsea.png`,
    out: 'chelsea.png',
    title: 'Chelsea the cat',
    credit: 'chelsea.png: Chelsea the cat, © Stéfan van der Walt, CC0 1.0, via scikit-image.',
  },
  {
    source: `${SKIMAGE}/coffee.png`,
    out: 'coffee.png',
    title: 'Coffee cup',
    credit: 'coffee.png: Coffee cup, © Rachel Michetti, courtesy Pikolo Espresso Bar, CC0 1.0, via scikit-image.',
  },
  {
    source: `${SKIMAGE}/brick.png`,
    out: 'brick.png',
    title: 'Brick wall',
    credit: 'brick.png: Bricks25 from cc0textures.com (CC0 1.0), via scikit-image.',
  },
  {
    source: `${SKIMAGE}/grass.png`,
    out: 'grass.png',
    title: 'Grass',
    credit: 'grass.png: Grass-01 by linolafett (DeviantArt), CC0 1.0, via scikit-image.',
  },
  {
    source: `${SKLEARN}/china.jpg`,
    out: 'china.jpg',
    title: 'Summer palace, China',
    credit: 'china.jpg: photo by danielbuechele (flickr photo 6061409035), CC BY 2.0, via scikit-learn, resized.',
  },
  {
    source: `${SKLEARN}/flower.jpg`,
    out: 'flower.jpg',
    title: 'Flower',
    credit: 'flower.jpg: photo by vultilion (flickr photo 6056698931), CC BY 2.0, via scikit-learn, resized.',
  },
];

function extractPackages(dir: string): string {
  execFileSync('apt-get', ['download', 'python3-skimage', 'python3-sklearn'], { cwd: dir, stdio: 'inherit' });
  const root = join(dir, 'root');
  for (const deb of readdirSync(dir).filter((f) => f.endsWith('.deb'))) {
    execFileSync('dpkg', ['-x', join(dir, deb), root]);
  }
  return root;
}

/** Decodes to RGBA, then drops to 1 channel when every pixel is grey, else to 3 (no photo has alpha). */
function decode(path: string): RasterImage {
  const bytes = readFileSync(path);
  const rgba = path.endsWith('.png')
    ? (() => {
        const png = PNG.sync.read(bytes);
        return { width: png.width, height: png.height, data: png.data };
      })()
    : jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  const pixels = rgba.width * rgba.height;
  let grey = true;
  for (let i = 0; i < pixels && grey; i++) {
    const p = i * 4;
    grey = rgba.data[p] === rgba.data[p + 1] && rgba.data[p] === rgba.data[p + 2];
  }
  const channels = grey ? 1 : 3;
  const data = new Uint8Array(pixels * channels);
  for (let i = 0; i < pixels; i++) {
    for (let c = 0; c < channels; c++) data[i * channels + c] = rgba.data[i * 4 + c];
  }
  return { width: rgba.width, height: rgba.height, channels, data };
}

function encode(image: RasterImage, fileName: string, quality: number): Buffer {
  if (fileName.endsWith('.jpg')) {
    const rgba = new Uint8Array(image.width * image.height * 4);
    for (let i = 0; i < image.width * image.height; i++) {
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = image.data[i * image.channels + (image.channels === 1 ? 0 : c)];
      rgba[i * 4 + 3] = 255;
    }
    return jpeg.encode({ width: image.width, height: image.height, data: rgba }, quality).data;
  }
  const colorType = image.channels === 1 ? 0 : 2;
  const png = new PNG({ width: image.width, height: image.height, colorType, inputColorType: colorType, inputHasAlpha: false });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, { colorType, inputColorType: colorType, inputHasAlpha: false, deflateLevel: 9 });
}

function creditsMarkdown(): string {
  const lines = [
    '# Sample photos: credits and licences',
    '',
    'Each photo was shrunk to at most 512 px on its long side (area averaging) by',
    '`scripts/build-samples.ts` from the Debian packages `python3-skimage` and `python3-sklearn`.',
    'Some were re-encoded (PNG to JPEG) to keep the download small; the source file is named first.',
    '',
    ...SAMPLES.map((s) => `- ${s.credit}${s.out === s.source.split('/').pop() ? '' : ` Shipped as \`${s.out}\`.`}`),
    '',
  ];
  return lines.join('\n');
}

function main(): void {
  const fromIndex = process.argv.indexOf('--from');
  const scratch = fromIndex > 0 ? undefined : mkdtempSync(join(tmpdir(), 'deconv-samples-'));
  // apt-get download drops to the _apt user, which needs to write here.
  if (scratch) chmodSync(scratch, 0o777);
  try {
    build(scratch ? extractPackages(scratch) : resolve(process.argv[fromIndex + 1]));
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function build(root: string): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const old of readdirSync(OUT_DIR)) rmSync(join(OUT_DIR, old));
  const index: { file: string; title: string; credit: string; width: number; height: number }[] = [];
  let total = 0;
  for (const spec of SAMPLES) {
    const source = decode(join(root, spec.source));
    const size = fitWithin(source.width, source.height, MAX_SIDE);
    const resized = resizeArea(source, size.width, size.height);
    const target = join(OUT_DIR, spec.out);
    writeFileSync(target, encode(resized, spec.out, spec.quality ?? JPEG_QUALITY));
    const bytes = statSync(target).size;
    total += bytes;
    index.push({ file: spec.out, title: spec.title, credit: spec.credit, width: size.width, height: size.height });
    console.log(
      `${spec.out}: ${source.width}x${source.height}x${source.channels} -> ${size.width}x${size.height}, ${(bytes / 1024).toFixed(0)} KiB`,
    );
  }
  writeFileSync(join(OUT_DIR, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  writeFileSync(join(OUT_DIR, 'CREDITS.md'), creditsMarkdown());
  console.log(`total ${(total / 1024).toFixed(0)} KiB in ${SAMPLES.length} photos`);
}

main();
