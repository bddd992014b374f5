// Measures a page's layout in the browser and lists what a projector audience would miss:
// sideways scrolling, overlapping panels, chart text outside its chart, charts cut by their panel,
// controls outside the window. An empty list means the layout holds.
import type { Page } from '@playwright/test';

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const slack = 1;
    const name = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.getAttribute('data-panel');
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}.${String(el.getAttribute('class') ?? '')
        .split(' ')
        .join('.')}`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const inside = (inner: DOMRect, outer: DOMRect) =>
      inner.left >= outer.left - slack &&
      inner.right <= outer.right + slack &&
      inner.top >= outer.top - slack &&
      inner.bottom <= outer.bottom + slack;

    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > window.innerWidth)
      problems.push(`the page scrolls sideways: ${scroller.scrollWidth} px wide in a ${window.innerWidth} px window`);
    for (const box of document.querySelectorAll('.dashboard')) {
      if (visible(box) && box.scrollWidth > box.clientWidth + slack)
        problems.push(`${name(box)} scrolls sideways: ${box.scrollWidth} > ${box.clientWidth}`);
    }

    const panels = [...document.querySelectorAll('.panel')].filter(visible);
    for (let i = 0; i < panels.length; i++) {
      for (let j = i + 1; j < panels.length; j++) {
        const [a, b] = [panels[i], panels[j]];
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > slack && h > slack) problems.push(`${name(a)} and ${name(b)} overlap by ${Math.round(w)}×${Math.round(h)} px`);
      }
    }

    for (const svg of document.querySelectorAll('svg')) {
      if (!visible(svg)) continue;
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        const r = text.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (!inside(r, box))
          problems.push(
            `"${text.textContent}" lies outside its chart ${name(svg)} (text ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}; chart ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)})`,
          );
      }
      const panel = svg.closest('.panel');
      if (panel && !inside(box, panel.getBoundingClientRect())) problems.push(`${name(svg)} sticks out of its panel ${name(panel)}`);
    }

    for (const control of document.querySelectorAll('button, input, select, textarea, a[href]')) {
      if (!visible(control)) continue;
      const r = control.getBoundingClientRect();
      if (r.left < -slack || r.right > window.innerWidth + slack)
        problems.push(
          `${name(control)} "${control.textContent?.trim() ?? ''}" is outside the window (${Math.round(r.left)}–${Math.round(r.right)})`,
        );
    }
    return problems;
  });
}
