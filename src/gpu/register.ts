// Registers the fused WGSL kernels for the webgpu backend. (Filled in by the WGSL kernels work.)
export function registerFusedKernels(): void {}
