// Top-level tab in the URL hash: `#/whitening...`, `#/training...`, `#/benchmark...` or the lecture
// tour `#/tour?step=N`. Everything after the tab name belongs to that view (the training dashboard
// owns the rest of `#/training?...`). The tour is not one of the tabs: the header links to it apart.
export type TabId = 'whitening' | 'training' | 'benchmark' | 'tour';

export const TABS: readonly { id: Exclude<TabId, 'tour'>; label: string }[] = [
  { id: 'whitening', label: 'Whitening' },
  { id: 'training', label: 'Training' },
  { id: 'benchmark', label: 'Benchmark' },
];

export function tabFromHash(hash: string): TabId {
  const named = /^#\/(training|benchmark|tour)(?:[?/]|$)/.exec(hash);
  return named ? (named[1] as TabId) : 'whitening';
}

export function hashForTab(tab: TabId): string {
  return `#/${tab}`;
}
