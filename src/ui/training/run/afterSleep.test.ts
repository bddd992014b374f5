import { describe, expect, it } from 'vitest';
import type { TrainCommand, WorkerDiagnostics } from '../../../train/protocol';
import { checkAfterSleep, type WakeClient } from './afterSleep';

function client(answer: WorkerDiagnostics | null, heardMeanwhile = 0): WakeClient & { sent: TrainCommand[] } {
  const sent: TrainCommand[] = [];
  let heard = 5;
  return {
    sent,
    alive: true,
    get heard() {
      return heard;
    },
    send: (command) => {
      sent.push(command);
      return true;
    },
    diagnostics: async () => {
      heard += heardMeanwhile;
      return answer;
    },
  };
}

const diagnostics = {
  backend: undefined,
  implementation: 'tfjs',
  memory: { numTensors: 0, numBytes: 0, numDataBuffers: 0 },
  step: 3,
  state: 'running',
};

describe('checkAfterSleep', () => {
  it('tells the worker how long the page slept; a worker that answers is fine', async () => {
    const c = client(diagnostics as WorkerDiagnostics);
    expect(await checkAfterSleep(c, 12_000, 10)).toBeNull();
    expect(c.sent).toEqual([{ type: 'woke', pausedMs: 12_000 }]);
  });

  it('a worker busy inside a step (no answer, but a snapshot meanwhile) is fine', async () => {
    expect(await checkAfterSleep(client(null, 1), 12_000, 10)).toBeNull();
  });

  it('a worker that sent nothing at all is reported, with the pause and the wait', async () => {
    expect(await checkAfterSleep(client(null), 12_400, 120_000)).toBe(
      'The training worker did not come back after the page slept for 12 s: it sent nothing for 120 s.',
    );
  });
});
