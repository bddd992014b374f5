// Loads tfjs's wasm backend with its .wasm binaries bundled by Vite and served from our own origin
// (never a CDN). SIMD, single thread, on every page:
// - tfjs-backend-wasm 4.22 starts its threads from a Blob holding `factory.toString()`. Minified,
//   that function reads a variable of its enclosing scope whose `typeof` guard the minifier drops,
//   so every pthread dies with "ReferenceError: e is not defined" (measured in our build).
// - Unminified it runs, but XNNPACK's default pool is 1 thread on a 2-core machine, and threads
//   would also need COOP/COEP headers and `blob:` in script-src and worker-src.
import * as tf from '@tensorflow/tfjs-core';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

let pathsSet = false;

function absolute(url: string): string {
  return new URL(url, globalThis.location?.href).href;
}

/** Imports the backend (it registers itself as 'wasm') and points it at our bundled binaries. */
export async function loadWasmBackend(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (pathsSet) return;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': absolute(plainWasm),
    'tfjs-backend-wasm-simd.wasm': absolute(simdWasm),
    // Never fetched (threads are off, above), so that binary is not bundled; setWasmPaths wants every name.
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(simdWasm),
  });
  pathsSet = true;
}

/** "SIMD" / "no SIMD (plain wasm)": how the wasm backend runs here (after it started). */
export async function wasmDetail(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return simd ? 'SIMD, single thread' : 'no SIMD (plain wasm), single thread';
}
