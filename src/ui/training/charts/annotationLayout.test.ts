import { describe, expect, it } from 'vitest';
import { placeLabels, type Box } from './annotationLayout';

const bounds: Box = { x: 0, y: 0, width: 400, height: 200 };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('annotation label layout', () => {
  it('places a label near its point, inside the plot', () => {
    const [label] = placeLabels([{ anchor: { x: 100, y: 100 }, sizes: [{ width: 120, height: 16 }] }], [], bounds, []);
    expect(label).not.toBeNull();
    expect(label?.textIndex).toBe(0);
    const box = label!.box;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(400);
    expect(Math.abs(box.y + box.height / 2 - 100)).toBeLessThan(60);
  });

  it('keeps labels off the obstacles and off each other', () => {
    const curveEnd: Box = { x: 130, y: 80, width: 60, height: 40 };
    const requests = [0, 1, 2].map(() => ({ anchor: { x: 150, y: 100 }, sizes: [{ width: 100, height: 16 }] }));
    const placed = placeLabels(requests, [curveEnd], bounds, []);
    const boxes = placed.filter((p) => p !== null).map((p) => p.box);
    expect(boxes.length).toBe(3);
    for (const box of boxes) expect(overlaps(box, curveEnd)).toBe(false);
    expect(overlaps(boxes[0], boxes[1]) || overlaps(boxes[0], boxes[2]) || overlaps(boxes[1], boxes[2])).toBe(false);
  });

  it('falls back to the short text, then leaves the label out', () => {
    const narrow: Box = { x: 0, y: 0, width: 150, height: 100 };
    const [short] = placeLabels(
      [
        {
          anchor: { x: 75, y: 50 },
          sizes: [
            { width: 300, height: 16 },
            { width: 60, height: 16 },
          ],
        },
      ],
      [],
      narrow,
      [],
    );
    expect(short?.textIndex).toBe(1);
    const [none] = placeLabels([{ anchor: { x: 75, y: 50 }, sizes: [{ width: 300, height: 16 }] }], [], narrow, []);
    expect(none).toBeNull();
  });

  it('prefers the side with fewer curve points', () => {
    // A curve along y = 80 to the right of the anchor: the label should not sit on it.
    const curve = Array.from({ length: 40 }, (_, i) => ({ x: 100 + i * 5, y: 90 }));
    const [label] = placeLabels([{ anchor: { x: 100, y: 100 }, sizes: [{ width: 120, height: 16 }] }], [], bounds, curve);
    const box = label!.box;
    expect(curve.some((p) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height)).toBe(false);
  });
});
