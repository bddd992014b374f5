import { describe, expect, it } from 'vitest';
import { kernelImage } from './kernelImage';
import { kernelSvg } from './kernelSvg';

describe('kernelSvg', () => {
  it('draws one rect per tap at the right place and escapes the title', () => {
    const image = kernelImage({ shape: [1, 2, 2, 1], values: [1, -1, 0.5, 0] }, 'diverging', 1);
    const svg = kernelSvg(image, 10, 'W <first layer>');
    expect(svg).toContain('<title>W &lt;first layer&gt;</title>');
    expect(svg).toContain('width="40" height="40"');
    // Tap (0,0) = +1 sits at pixel (1,1) of the image: (10,10) in the SVG.
    expect(svg).toMatch(/<rect x="10" y="10" width="10" height="10" fill="rgb\(103,0,31\)"\/>/);
    // Four taps; the zero tap is near-white (247), not the white gap colour, so it is drawn too.
    expect(svg.match(/<rect x=/g)).toHaveLength(4);
  });
});
