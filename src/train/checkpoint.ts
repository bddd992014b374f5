// CPU copies of a run's variables, so a run can continue after its GPU device is lost: values are
// read back with `await data()` while the device is alive and written into a freshly built trainer.
import * as tf from '@tensorflow/tfjs-core';
import type { SavedTensor } from './protocol';

/** Reads every variable back to the CPU (one awaited download each; no tensors are created). */
export async function readVariables(variables: tf.Variable[]): Promise<SavedTensor[]> {
  const out: SavedTensor[] = [];
  for (const v of variables) {
    const data = await v.data();
    out.push({ shape: [...v.shape], values: data instanceof Float32Array ? data.slice() : Float32Array.from(data as ArrayLike<number>) });
  }
  return out;
}

/** Assigns saved values to variables of the same shapes (throws, naming the first mismatch, otherwise). */
export function writeVariables(variables: tf.Variable[], saved: SavedTensor[], what: string): void {
  if (variables.length !== saved.length) {
    throw new Error(`the checkpoint of ${what} has ${saved.length} tensors, the model ${variables.length}`);
  }
  variables.forEach((v, i) => {
    const s = saved[i];
    const same = s.shape.length === v.shape.length && s.shape.every((d, k) => d === v.shape[k]);
    if (!same) throw new Error(`the checkpoint of ${what} does not fit ${v.name}: [${s.shape}] vs [${v.shape}]`);
  });
  tf.tidy(() => {
    variables.forEach((v, i) => v.assign(tf.tensor(saved[i].values, saved[i].shape, 'float32')));
  });
}
