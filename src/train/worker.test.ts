// Drives the worker module in Node: a fake `self`, fetch serving the shipped MNIST file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, readDatasetFile } from '../data/loadNode';
import type { TrainCommand, TrainEvent } from './protocol';
import { testConfig } from './testing';
import { Trainer } from './trainer';

const events: TrainEvent[] = [];
const fakeSelf = {
  location: { href: 'http://localhost:5173/assets/worker-abc.js' },
  postMessage: (e: TrainEvent) => events.push(e),
  close: vi.fn(),
  onmessage: null as ((e: MessageEvent<TrainCommand>) => void) | null,
};
vi.stubGlobal('self', fakeSelf);
const requested: string[] = [];
vi.stubGlobal('fetch', async (url: string) => {
  requested.push(url);
  const bytes = await readFile(join(REPO_ROOT, 'public', new URL(url).pathname));
  return new Response(bytes);
});

function state(): string | undefined {
  const last = events.filter((e) => e.type === 'status').pop();
  return last?.type === 'status' ? last.state : undefined;
}

function send(command: TrainCommand): void {
  fakeSelf.onmessage?.({ data: command } as MessageEvent<TrainCommand>);
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200 && !predicate(); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!predicate()) throw new Error(`timed out waiting for ${what}`);
}

describe('training worker', () => {
  it('init -> backend, loading, compiling, snapshot, ready; step; diagnostics; dispose', async () => {
    await import('./worker');
    const config = testConfig({ dataset: 'mnist', model: 'mlp', batchSize: 64, evalSize: 64, evalEvery: 100 });
    send({ type: 'init', config, backend: 'cpu' });
    await until(() => events.some((e) => e.type === 'status' && (e.state === 'ready' || e.state === 'error')), 'ready');
    expect(events.find((e) => e.type === 'error')).toBeUndefined();
    expect(requested[0]).toMatch(/^http:\/\/localhost:5173\/data\/mnist\.bin/);
    const states = events.flatMap((e) => (e.type === 'status' ? [e.state] : []));
    expect(states).toContain('compiling');
    expect(events.find((e) => e.type === 'backend')).toMatchObject({ info: { name: 'cpu' } });
    const first = events.find((e) => e.type === 'snapshot');
    expect(first?.type === 'snapshot' && first.snapshot.step).toBe(1);
    send({ type: 'step' });
    await until(() => events.some((e) => e.type === 'snapshot' && e.snapshot.step === 2), 'snapshot of step 2');
    await until(() => events.filter((e) => e.type === 'status').pop()?.type === 'status' && state() === 'paused', 'paused');
    send({ type: 'diagnostics', requestId: 7 });
    // The answer to request 7 (the worker also posts its diagnostics unasked, with requestId 0).
    await until(() => events.some((e) => e.type === 'diagnostics' && e.requestId === 7), 'diagnostics');
    const diag = events.find((e) => e.type === 'diagnostics' && e.requestId === 7);
    expect(diag?.type === 'diagnostics' && diag.diagnostics.step).toBe(2);
    send({ type: 'dispose' });
    await until(() => fakeSelf.close.mock.calls.length > 0, 'close');
    expect(tf.memory().numTensors).toBe(0);
  });

  it('init with a checkpoint continues at checkpoint + 1 with the uninterrupted loss; lose-device on cpu is refused', async () => {
    events.length = 0;
    const config = testConfig({ dataset: 'mnist', model: 'mlp', batchSize: 32, evalSize: 64, evalEvery: 2 });
    const reference = new Trainer(config, await readDatasetFile('mnist'));
    for (let i = 0; i < 3; i += 1) await reference.trainStep();
    const expected = reference.histories().map((h) => h.steps[2].loss);
    reference.dispose();
    const source = new Trainer(config, await readDatasetFile('mnist'));
    for (let i = 0; i < 2; i += 1) await source.trainStep();
    const checkpoint = await source.checkpoint();
    source.dispose();
    send({ type: 'init', config, backend: 'cpu', checkpoint });
    await until(() => events.some((e) => e.type === 'status' && (e.state === 'ready' || e.state === 'error')), 'ready');
    expect(events.find((e) => e.type === 'error')).toBeUndefined();
    const first = events.find((e) => e.type === 'snapshot');
    const snap = first?.type === 'snapshot' ? first.snapshot : undefined;
    expect(snap?.step).toBe(3);
    expect(snap?.variants.map((v) => v.losses.map((l) => l.step))).toEqual([[3], [3]]);
    snap?.variants.forEach((v, i) => expect(Math.abs(v.losses[0].loss - expected[i])).toBeLessThanOrEqual(1e-6));
    send({ type: 'lose-device' });
    await until(() => events.some((e) => e.type === 'error'), 'refusal');
    const refusal = events.find((e) => e.type === 'error');
    expect(refusal?.type === 'error' && refusal.message).toMatch(/no GPU device or WebGL context to lose: the trainer runs on cpu/);
    expect(events.some((e) => e.type === 'device-lost')).toBe(false);
    send({ type: 'dispose' });
    await until(() => fakeSelf.close.mock.calls.length > 1, 'close');
    expect(tf.memory().numTensors).toBe(0);
  });

  it('while the Training tab is hidden the start-up waits before its next phase, and goes on when it shows', async () => {
    events.length = 0;
    const config = testConfig({ dataset: 'mnist', model: 'mlp', batchSize: 32, evalSize: 64, evalEvery: 2 });
    send({ type: 'visibility', visible: false });
    send({ type: 'init', config, backend: 'cpu' });
    await until(() => events.some((e) => e.type === 'status' && e.phase === 'waiting'), 'waiting');
    const phases = () => events.flatMap((e) => (e.type === 'status' && e.phase ? [e.phase] : []));
    expect(phases()).not.toContain('warmup');
    expect(events.some((e) => e.type === 'snapshot')).toBe(false);
    send({ type: 'visibility', visible: true });
    await until(() => events.some((e) => e.type === 'status' && (e.state === 'ready' || e.state === 'error')), 'ready');
    expect(state()).toBe('ready');
    expect(phases().indexOf('waiting')).toBeLessThan(phases().indexOf('build'));
    expect(phases().at(-1)).toBe('warmup');
    const closes = fakeSelf.close.mock.calls.length;
    send({ type: 'dispose' });
    await until(() => fakeSelf.close.mock.calls.length > closes, 'close');
  });
});
