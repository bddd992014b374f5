import { describe, expect, it } from 'vitest';
import { LatestOnlySender } from './latestOnlySender';

function fakeWorker() {
  const sent: { id: number; value: number }[] = [];
  let nextId = 1;
  const sender = new LatestOnlySender<number>((value) => {
    const id = nextId++;
    sent.push({ id, value });
    return id;
  });
  return { sender, sent, values: () => sent.map((s) => s.value), takeId: () => nextId++ };
}

describe('LatestOnlySender', () => {
  it('sends at once while the worker is idle', () => {
    const w = fakeWorker();
    expect(w.sender.submit(3)).toBe(1);
    expect(w.sender.answered(1)).toBeNull();
    expect(w.sender.submit(4)).toBe(2);
    expect(w.values()).toEqual([3, 4]);
  });

  it('keeps only the newest change while a job runs and sends it when that job answers', () => {
    const w = fakeWorker();
    w.sender.submit(1);
    for (const k of [2, 3, 4, 5]) expect(w.sender.submit(k)).toBeNull();
    expect(w.sender.hasWaiting).toBe(true);
    expect(w.values()).toEqual([1]);
    expect(w.sender.answered(1)).toBe(2);
    expect(w.values()).toEqual([1, 5]);
    expect(w.sender.hasWaiting).toBe(false);
    expect(w.sender.answered(2)).toBeNull();
    expect(w.sender.busy).toBe(false);
  });

  it('waits for a request sent another way (an image load) and ignores answers to older requests', () => {
    const w = fakeWorker();
    w.sender.submit(1);
    const load = w.takeId();
    w.sender.noteSent(load);
    expect(w.sender.submit(7)).toBeNull();
    expect(w.sender.answered(1)).toBeNull();
    expect(w.values()).toEqual([1]);
    expect(w.sender.answered(load)).not.toBeNull();
    expect(w.values()).toEqual([1, 7]);
  });

  it('keeps the change waiting when nothing could be sent, and stays idle', () => {
    const sender = new LatestOnlySender<number>(() => null);
    expect(sender.submit(1)).toBeNull();
    expect(sender.busy).toBe(false);
    expect(sender.hasWaiting).toBe(false);
  });

  it('after a restart, waits for the retried image, or drops the waiting change when there is none', () => {
    const w = fakeWorker();
    w.sender.submit(1);
    w.sender.submit(2);
    const retry = w.takeId();
    w.sender.restarted(retry);
    expect(w.sender.answered(retry)).not.toBeNull();
    expect(w.values()).toEqual([1, 2]);

    w.sender.submit(3);
    w.sender.restarted(null);
    expect(w.sender.busy).toBe(false);
    expect(w.sender.hasWaiting).toBe(false);
    expect(w.values()).toEqual([1, 2]);
  });
});
