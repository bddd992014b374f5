// Variant names and colours (the same hex values as theme.css, repeated here because exported
// SVG files cannot resolve CSS variables).
import { NORM_LABEL } from '../../nn/vocabulary';
import type { NormKind } from '../../train/protocol';

export const VARIANT_COLOUR: Record<NormKind, string> = {
  deconv: '#1b9e77',
  batchnorm: '#d95f02',
  none: '#7f7f7f',
};

/**
 * Variant colours for text: a darker shade in the light theme and a lighter one in the dark theme
 * (theme.css), so labels pass WCAG contrast; lines, fills and swatches keep VARIANT_COLOUR.
 */
export const VARIANT_TEXT_COLOUR: Record<NormKind, string> = {
  deconv: 'var(--color-deconv-text)',
  batchnorm: 'var(--color-batchnorm-text)',
  none: 'var(--color-none-text)',
};

export const VARIANT_FILL: Record<NormKind, string> = {
  deconv: 'rgba(27, 158, 119, 0.45)',
  batchnorm: 'rgba(217, 95, 2, 0.45)',
  none: 'rgba(127, 127, 127, 0.45)',
};

export const VARIANT_NAME: Record<NormKind, string> = NORM_LABEL;

export const VARIANT_SHORT: Record<NormKind, string> = {
  deconv: 'deconv',
  batchnorm: 'BN',
  none: 'none',
};

export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif";
export interface ChartPalette {
  background: string;
  text: string;
  grid: string;
  ink: string;
}

/** Chart colours per theme (the same values as theme.css; exported files need literal colours). */
export const CHART_PALETTES: Record<'light' | 'dark', ChartPalette> = {
  light: { background: '#ffffff', text: '#4f5866', grid: '#d5d9e0', ink: '#15191f' },
  dark: { background: '#1b2027', text: '#aab3c0', grid: '#39414d', ink: '#eef1f5' },
};
