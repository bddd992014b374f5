import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Strict Content-Security-Policy for the built app only (Vite's dev server injects inline scripts).
// No inline scripts, no eval; workers and fetches from our own origin only. 'wasm-unsafe-eval'
// lets the wasm backend compile its bundled .wasm binaries (it does not allow eval()).
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'deconv-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // gpu-check.html: UI-less page for the WGSL kernel e2e checks (the benchmark page is bench.html, dev server only).
    rollupOptions: { input: { main: 'index.html', gpuCheck: 'gpu-check.html' } },
  },
  preview: { port: 4173, strictPort: true },
});
