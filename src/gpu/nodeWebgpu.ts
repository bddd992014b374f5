// Starts the tfjs webgpu backend under Node through Dawn (npm package `webgpu`). Filled in by the WGSL work.
export async function initNodeWebgpu(): Promise<void> {
  throw new Error('the webgpu backend is not available under Node yet');
}
