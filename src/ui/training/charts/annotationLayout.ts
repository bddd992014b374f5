// Where to put the loss chart's annotation labels: near their point, inside the plot, clear of the
// curves' end markers, the legend and each other, and over as few curve points as possible.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LabelRequest {
  anchor: Point;
  /** Label texts to try, longest first (a shorter one when the long one does not fit). */
  sizes: { width: number; height: number }[];
}

export interface PlacedLabel {
  box: Box;
  /** Index into the request's sizes. */
  textIndex: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
  return (
    box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width && box.y + box.height <= bounds.y + bounds.height
  );
}

function candidates(anchor: Point, width: number, height: number, gap: number): Box[] {
  const boxes: Box[] = [];
  for (const lift of [1, 2.5, 4.5]) {
    const above = anchor.y - gap * lift - height;
    const below = anchor.y + gap * lift;
    for (const y of [above, below]) {
      for (const x of [anchor.x + gap, anchor.x - gap - width, anchor.x - width / 2]) boxes.push({ x, y, width, height });
    }
  }
  return boxes;
}

/**
 * One placement (or null: left out) per request, in order. Labels never overlap the obstacles
 * (curve ends, legend), each other, or leave `bounds`; among the allowed spots the one covering
 * the fewest curve points wins, nearer spots first on a tie.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  bounds: Box,
  curvePoints: readonly Point[],
  gap = 8,
): (PlacedLabel | null)[] {
  const placed: Box[] = [];
  return requests.map((request) => {
    for (let textIndex = 0; textIndex < request.sizes.length; textIndex += 1) {
      const { width, height } = request.sizes[textIndex];
      let best: Box | null = null;
      let bestCovered = Infinity;
      for (const box of candidates(request.anchor, width, height, gap)) {
        if (!inside(box, bounds) || obstacles.some((o) => overlaps(o, box)) || placed.some((p) => overlaps(p, box))) continue;
        const covered = curvePoints.filter(
          (p) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height,
        ).length;
        if (covered < bestCovered) {
          best = box;
          bestCovered = covered;
        }
      }
      if (best) {
        placed.push(best);
        return { box: best, textIndex };
      }
    }
    return null;
  });
}
