// After the page slept (a frozen tab, a sleeping laptop): tell the training worker how long, so the
// step that spanned it is timed without it, and make sure the worker came back.
import type { TrainCommand, WorkerDiagnostics } from '../../../train/protocol';

/** How long a woken worker may stay silent before the page calls it lost (a software-GPU step can take 30 s). */
export const WAKE_ANSWER_MS = 120_000;

/** The part of TrainWorkerClient this uses. */
export interface WakeClient {
  send(command: TrainCommand): boolean;
  diagnostics(timeoutMs: number): Promise<WorkerDiagnostics | null>;
  readonly alive: boolean;
  /** Messages received from the current worker so far. */
  readonly heard: number;
}

/**
 * Sends 'woke' and asks for diagnostics; resolves to the sentence to show when the worker sent
 * nothing at all for `timeoutMs` (not even a snapshot), else null.
 */
export async function checkAfterSleep(client: WakeClient, pausedMs: number, timeoutMs = WAKE_ANSWER_MS): Promise<string | null> {
  const heard = client.heard;
  if (!client.send({ type: 'woke', pausedMs })) return null;
  const answer = await client.diagnostics(timeoutMs);
  if (answer || !client.alive || client.heard !== heard) return null;
  return `The training worker did not come back after the page slept for ${Math.round(pausedMs / 1000)} s: it sent nothing for ${Math.round(timeoutMs / 1000)} s.`;
}
