// Puts one of our kernels into tfjs's global kernel registry in place of (or next to) the backend's
// own, idempotently. The replaced config is kept on our kernel function, so `originalKernel` finds it
// from any copy of this module (the registry is process-global), and its `setupFunc` stays on the
// new config: a backend initialised after the swap still runs the setup the original kernel needs.
import * as tf from '@tensorflow/tfjs-core';

const TAG = Symbol.for('deconv-lab.fastKernel');

type Tagged = tf.KernelFunc & { [TAG]?: { original: tf.KernelConfig | undefined } };

function tagOf(config: tf.KernelConfig | undefined): { original: tf.KernelConfig | undefined } | undefined {
  return config ? (config.kernelFunc as Tagged)[TAG] : undefined;
}

/** True when the kernel registered for `name` on `backendName` is one of ours. */
export function isOurKernel(name: string, backendName: string): boolean {
  return tagOf(tf.getKernel(name, backendName)) !== undefined;
}

/** The backend's own kernel for `name` (the one we replaced, or the current one), if any. */
export function originalKernel(name: string, backendName: string): tf.KernelConfig | undefined {
  const current = tf.getKernel(name, backendName);
  const tag = tagOf(current);
  return tag ? tag.original : current;
}

/**
 * Registers `make(original)` as `name` on `backendName` unless ours is already there.
 * `original` is the backend's kernel being replaced (undefined when the backend has none).
 */
export function installKernel(name: string, backendName: string, make: (original: tf.KernelConfig | undefined) => tf.KernelFunc): void {
  if (isOurKernel(name, backendName)) return;
  const original = tf.getKernel(name, backendName);
  const kernelFunc = make(original) as Tagged;
  kernelFunc[TAG] = { original };
  if (original) tf.unregisterKernel(name, backendName);
  tf.registerKernel({ kernelName: name, backendName, kernelFunc, setupFunc: original?.setupFunc, disposeFunc: original?.disposeFunc });
}

/** Puts the backend's own kernel back (tests that measure the original). */
export function uninstallKernel(name: string, backendName: string): void {
  const current = tf.getKernel(name, backendName);
  const tag = tagOf(current);
  if (!tag) return;
  tf.unregisterKernel(name, backendName);
  if (tag.original) tf.registerKernel(tag.original);
}
