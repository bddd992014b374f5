// A kernel image as a standalone SVG document (one rect per tap), for vector export.
import type { KernelImageData } from './kernelImage';

export function kernelSvg(image: KernelImageData, pixel: number, title: string): string {
  const rects: string[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const o = (y * image.width + x) * 4;
      const [r, g, b] = [image.rgba[o], image.rgba[o + 1], image.rgba[o + 2]];
      if (r === 255 && g === 255 && b === 255) continue;
      rects.push(`<rect x="${x * pixel}" y="${y * pixel}" width="${pixel}" height="${pixel}" fill="rgb(${r},${g},${b})"/>`);
    }
  }
  const width = image.width * pixel;
  const height = image.height * pixel;
  const safeTitle = title.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${safeTitle}</title><rect width="${width}" height="${height}" fill="#ffffff"/>${rects.join('')}</svg>\n`
  );
}
