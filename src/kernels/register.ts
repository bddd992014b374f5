// Kernels we register for the tfjs `wasm` and `cpu` backends: the ones tfjs lacks or runs slowly
// there (the filter gradient of a convolution, the gradient of gather, transposed/batched matmul).
// Idempotent, so the app, the CLI and the tests may all call it.

/** Registers our kernels for `backend` ('wasm' or 'cpu'); a no-op for other backends. */
export function registerFastKernels(backend: string): void {
  void backend; // filled in by the fast-path work (issue #11)
}
