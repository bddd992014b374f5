// Which backend each browser test runs on, said on purpose. Tests of a backend force it
// (`?backend=webgpu`, `webgl`, `wasm`, `cpu`); tests of the app's behaviour run on one quick,
// deterministic backend; only the tests of the automatic choice leave it to the app.
export type E2eBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** The backend of behaviour tests (view logic, bad input, bookkeeping): quick on every machine. */
export const BEHAVIOUR_BACKEND: E2eBackend = 'cpu';

/** The app at `route` (e.g. `/whitening?sample=chelsea.png`) with `backend` forced from the address. */
export function appUrl(route: string, backend: E2eBackend = BEHAVIOUR_BACKEND): string {
  return `/?backend=${backend}#${route}`;
}

/** True in the Playwright project whose Chromium has WebGPU (software SwiftShader on machines without a GPU). */
export function hasWebgpu(projectName: string): boolean {
  return projectName === 'webgpu';
}
