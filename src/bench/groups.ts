// The groups of issue #6, in the order they run. 'each': measured on every requested backend;
// 'webgpu-only': needs the fused WGSL kernels; 'wasm-pairs': every requested backend, each compared
// with wasm measured in the same run (needs wasm and another backend); 'n/a': measured by the
// `npm run bench` runner on the built app (bundle size, first paint), never inside the suite.
export interface BenchGroup {
  id: string;
  title: string;
  backends: 'each' | 'webgpu-only' | 'wasm-pairs' | 'n/a';
}

export const BENCH_GROUPS: readonly BenchGroup[] = [
  { id: 'isqrt_fused_vs_composed', title: 'Inverse square root: fused WGSL vs composed tf ops', backends: 'webgpu-only' },
  { id: 'covariance_fused_vs_im2col', title: 'Patch covariance: fused WGSL vs im2col', backends: 'webgpu-only' },
  {
    id: 'isqrt_grad_lyapunov_vs_unrolled',
    title: 'Inverse square root gradient (composed ops, K = 5): Lyapunov closed form vs unrolled reverse mode',
    backends: 'each',
  },
  { id: 'deconv_conv_vs_conv', title: 'One layer, forward+backward: deconv conv vs plain conv', backends: 'each' },
  { id: 'deconv_conv_vs_conv_bn', title: 'One layer, forward+backward: deconv conv vs conv + batch norm', backends: 'each' },
  { id: 'deconv_step_vs_bn_step', title: 'Whole training step: deconvolution vs batch norm', backends: 'each' },
  { id: 'peak_memory', title: 'Peak tensor memory of one training step', backends: 'each' },
  {
    id: 'step_wasm_vs_other',
    title: 'Whole training step: WASM vs the other backends (CPU with and without our kernels)',
    backends: 'wasm-pairs',
  },
  {
    id: 'first_step_webgpu_simple_cnn',
    title: 'First training step on WebGPU (simple-cnn, pipelines compiled ahead in parallel; run alone for a cold start)',
    backends: 'webgpu-only',
  },
  { id: 'whiten_512', title: 'Whitening a 512x512 image (k = 3, 5, 7, K = 15, grey)', backends: 'each' },
  { id: 'bundle_initial_kb_gz', title: 'Initial bundle of the built app (gzip)', backends: 'n/a' },
  { id: 'first_paint', title: 'Built app: first contentful paint and whitening view ready', backends: 'n/a' },
  {
    id: 'training_responsiveness',
    title: 'Built app: Training tab, Play to first point and main-thread long tasks while training',
    backends: 'n/a',
  },
];
