import { describe, expect, it } from 'vitest';
import { escapeXml, lineChart } from './svg';

describe('lineChart', () => {
  const svg = lineChart({
    title: 'Loss <&> "test"',
    xLabel: 'step',
    yLabel: 'loss',
    series: [
      {
        name: 'batchnorm',
        points: [
          { x: 1, y: 2 },
          { x: 2, y: 1 },
          { x: 3, y: 0.5, err: 0.1 },
        ],
      },
      {
        name: 'deconv',
        dashed: true,
        points: [
          { x: 1, y: 2.2 },
          { x: 2, y: NaN },
          { x: 3, y: 0.4 },
        ],
      },
    ],
  });
  it('is one standalone SVG document with escaped text', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Loss &lt;&amp;&gt; &quot;test&quot;');
    expect(svg).not.toContain('NaN');
  });
  it('draws a path per series (a gap at a missing value), an error bar and a legend entry each', () => {
    const paths = svg.match(/<path d="[^"]+"/g) ?? [];
    expect(paths).toHaveLength(2);
    expect(paths[1].match(/M/g)).toHaveLength(2); // the NaN splits the deconv line
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('>batchnorm</text>');
    expect(svg).toContain('>deconv</text>');
  });
  it('maps the largest y to the top of the plot', () => {
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(Math.min(...circles)).toBe(circles[3]); // deconv's 2.2 is the highest point
  });
  it('handles log axes and empty series', () => {
    const log = lineChart({
      title: 't',
      xLabel: 'lr',
      yLabel: 'a',
      logX: true,
      series: [
        {
          name: 'a',
          points: [
            { x: 0.01, y: 1 },
            { x: 0.1, y: 2 },
          ],
        },
      ],
    });
    expect(log).toContain('<path');
    expect(log).toContain('>0.03</text>');
    expect(log).not.toContain('>0.04</text>');
    expect(lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [] })).toContain('</svg>');
  });
  it('escapes XML', () => {
    expect(escapeXml('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
  });
});
