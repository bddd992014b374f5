// The store's scheduling of settings changes against a fake whitening client: answers are events
// the test emits, no worker and no clock.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WhitenClientHandlers } from '../platform/whitenClient';
import type { WhitenPayload, WhitenSettings } from '../platform/whitenProtocol';

const fake = vi.hoisted(() => ({
  handlers: null as WhitenClientHandlers | null,
  requests: [] as { id: number; iters: number; load: boolean }[],
  nextId: 1,
}));

vi.mock('../platform/whitenClient', () => ({
  WhitenClient: class {
    constructor(handlers: WhitenClientHandlers) {
      fake.handlers = handlers;
    }
    whiten(settings: WhitenSettings, source?: unknown): number {
      const id = fake.nextId++;
      fake.requests.push({ id, iters: settings.iters, load: source !== undefined });
      return id;
    }
  },
}));

const { useWhiteningStore, whiteningClient } = await import('./whiteningStore');

const payload = { width: 4, height: 4, channels: 1, implementation: 'direct' } as unknown as WhitenPayload;
const bitmap = { close: () => {} } as unknown as ImageBitmap;

function answer(id: number, withImage = false): void {
  fake.handlers?.onAnswer({
    type: 'result',
    id,
    payload,
    ms: 1,
    ...(withImage ? { image: { name: 'x', width: 4, height: 4, sourceWidth: 4, sourceHeight: 4, channels: 1, notices: [], bitmap } } : {}),
  });
}

const sentIters = () => fake.requests.filter((r) => !r.load).map((r) => r.iters);
const lastId = () => fake.requests[fake.requests.length - 1].id;

describe('whitening store: settings changes', () => {
  beforeEach(() => {
    whiteningClient();
    const store = useWhiteningStore.getState();
    store.load({ kind: 'url', url: 'x.png', name: 'x' });
    answer(lastId(), true);
    fake.requests.length = 0;
  });

  it('sends a change at once when the worker is idle', () => {
    useWhiteningStore.getState().setSettings({ iters: 4 });
    expect(sentIters()).toEqual([4]);
    expect(useWhiteningStore.getState().status).toBe('working');
    answer(lastId());
    expect(useWhiteningStore.getState().status).toBe('ready');
  });

  it('while a job runs, coalesces changes into the newest and sends it when the job answers', () => {
    const { setSettings } = useWhiteningStore.getState();
    setSettings({ iters: 2 });
    for (const iters of [3, 4, 5, 6]) setSettings({ iters });
    expect(sentIters()).toEqual([2]);
    answer(lastId());
    expect(sentIters()).toEqual([2, 6]);
    expect(useWhiteningStore.getState().status).toBe('working');
    answer(lastId());
    expect(sentIters()).toEqual([2, 6]);
    expect(useWhiteningStore.getState().status).toBe('ready');
  });

  it('shows every intermediate answer while a slider is dragged', () => {
    const { setSettings } = useWhiteningStore.getState();
    const shown: number[] = [];
    for (const iters of [1, 2, 3]) {
      setSettings({ iters });
      const id = lastId();
      answer(id);
      shown.push(useWhiteningStore.getState().answeredId === id ? iters : -1);
    }
    expect(shown).toEqual([1, 2, 3]);
    expect(sentIters()).toEqual([1, 2, 3]);
  });

  it('holds a change made while an image loads until the image has been answered', () => {
    const store = useWhiteningStore.getState();
    store.load({ kind: 'url', url: 'y.png', name: 'y' });
    const loadId = lastId();
    store.setSettings({ iters: 9 });
    expect(sentIters()).toEqual([]);
    answer(loadId, true);
    expect(sentIters()).toEqual([9]);
  });
});
