// Shell-wide state: the colour theme and the backend the visible view runs on (for the indicator).
// Workers (whitening, training) report their backend here; the indicator shows the latest report.
import { create } from 'zustand';
import type { Calibration } from '../platform/backendChoice';
import { backendDisplayName, type BackendName } from '../platform/backendName';
import type { ImplementationName } from '../train/protocol';

export type Theme = 'light' | 'dark';
export type BackendLabel = BackendName;

export interface BackendStatus {
  name: BackendLabel;
  /** Why this backend runs, a sentence. */
  reason: string;
  /** 'fused-wgsl' when our WGSL kernels run, 'composed' for composed tf ops. */
  implementation?: ImplementationName;
  adapter?: string;
  fallbackAdapter?: boolean;
  /** True when this device's GPU is a software rasteriser (SwiftShader, llvmpipe, ...). */
  software?: boolean;
  softwareGpu?: string;
  /** The timings behind an automatic choice. */
  calibration?: Calibration;
  /** How the backend runs, e.g. "SIMD, 2 threads" for wasm. */
  detail?: string;
  /** True when WebGPU was wanted but another backend runs instead. */
  fellBack: boolean;
}

interface ShellState {
  theme: Theme;
  backend: BackendStatus | null;
  /** A backend start-up failure, shown in the indicator. */
  backendError: string | null;
  setTheme: (theme: Theme) => void;
  setBackend: (status: BackendStatus) => void;
  setBackendError: (message: string) => void;
}

const THEME_KEY = 'deconv-lab-theme';

function initialTheme(): Theme {
  try {
    return globalThis.localStorage?.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

export const useShellStore = create<ShellState>((set) => ({
  theme: initialTheme(),
  backend: null,
  backendError: null,
  setTheme: (theme) => {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // Storage may be disabled (private mode): the theme still applies for this visit.
    }
    set({ theme });
  },
  setBackend: (backend) => set({ backend, backendError: null }),
  setBackendError: (backendError) => set({ backendError }),
}));

/** "WebGPU (fused WGSL kernels)", "WebGL", "WASM", "CPU": the indicator's label. */
export function backendLabel(status: BackendStatus): string {
  const base = backendDisplayName(status.name);
  if (status.name === 'webgpu' && status.implementation === 'fused-wgsl') return `${base} (fused WGSL kernels)`;
  if (status.name === 'webgpu' && status.implementation === 'composed') return `${base} (composed ops)`;
  return base;
}
