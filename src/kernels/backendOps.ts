// Calling a backend's own kernels from inside a kernel (the way tfjs kernels compose each other),
// and releasing the intermediates. Works for any backend: only the registry and KernelBackend are used.
import * as tf from '@tensorflow/tfjs-core';

/** The arguments tfjs hands a kernel function. */
export type KernelArgs = Parameters<tf.KernelFunc>[0];

/** Input `name` of a kernel call (tfjs types every input as optional). */
export function input(inputs: tf.NamedTensorInfoMap, name: string): tf.TensorInfo {
  const t = inputs[name];
  if (!t) throw new Error(`kernel input "${name}" is missing`);
  return t;
}

/** The attributes of a kernel call as the kernel's own attribute type. */
export function attrsOf<T>(args: KernelArgs): T {
  return (args.attrs ?? {}) as unknown as T;
}

/** The backend instance of a kernel call (tfjs types it as `{}`). */
export function backendOf(args: KernelArgs): tf.KernelBackend {
  return args.backend as tf.KernelBackend;
}

/** The kernels of one backend, bound to the backend instance the engine handed to our kernel. */
export class BackendOps {
  private readonly temporaries: tf.TensorInfo[] = [];

  constructor(
    readonly backendName: string,
    readonly backend: tf.KernelBackend,
  ) {}

  /** Runs `name` on this backend; the result is released by `dispose()` unless `keep` is true. */
  run(name: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap = {}, keep = false): tf.TensorInfo {
    const config = tf.getKernel(name, this.backendName);
    if (!config) throw new Error(`the ${this.backendName} backend has no ${name} kernel`);
    const out = config.kernelFunc({ inputs, backend: this.backend, attrs });
    if (Array.isArray(out)) throw new Error(`${name} returned several tensors where one was expected`);
    if (!keep) this.temporaries.push(out);
    return out;
  }

  /** Releases `t` (made by a kernel called directly) with the other temporaries. */
  adopt(t: tf.TensorInfo): tf.TensorInfo {
    this.temporaries.push(t);
    return t;
  }

  transpose(x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
    return this.run(tf.Transpose, { x }, { perm });
  }

  reshape(x: tf.TensorInfo, shape: number[]): tf.TensorInfo {
    return this.run(tf.Reshape, { x }, { shape });
  }

  slice(x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
    return this.run(tf.Slice, { x }, { begin, size });
  }

  /** A new tensor holding `values` (copied into the backend's memory). */
  write(values: tf.backend_util.BackendValues, shape: number[], dtype: tf.DataType): tf.TensorInfo {
    return { dataId: this.backend.write(values, shape, dtype), shape, dtype };
  }

  /** Releases every tensor made through `run` (not the kept ones). */
  dispose(): void {
    for (const t of this.temporaries.splice(0)) this.backend.disposeData(t.dataId);
  }
}
