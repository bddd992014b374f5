// Top-level tab in the URL hash: `#/whitening...` or `#/training...`. Everything after the tab
// name belongs to that view (the training dashboard owns the rest of `#/training?...`).
export type TabId = 'whitening' | 'training';

export const TABS: readonly { id: TabId; label: string }[] = [
  { id: 'whitening', label: 'Whitening' },
  { id: 'training', label: 'Training' },
];

export function tabFromHash(hash: string): TabId {
  return /^#\/training(?:[?/]|$)/.test(hash) ? 'training' : 'whitening';
}

export function hashForTab(tab: TabId): string {
  return `#/${tab}`;
}
