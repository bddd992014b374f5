// Top-level tab in the URL hash: `#/whitening...`, `#/training...` or `#/benchmark...`. Everything
// after the tab name belongs to that view (the training dashboard owns the rest of `#/training?...`).
export type TabId = 'whitening' | 'training' | 'benchmark';

export const TABS: readonly { id: TabId; label: string }[] = [
  { id: 'whitening', label: 'Whitening' },
  { id: 'training', label: 'Training' },
  { id: 'benchmark', label: 'Benchmark' },
];

export function tabFromHash(hash: string): TabId {
  const named = /^#\/(training|benchmark)(?:[?/]|$)/.exec(hash);
  return named ? (named[1] as TabId) : 'whitening';
}

export function hashForTab(tab: TabId): string {
  return `#/${tab}`;
}
