// First-layer kernels of one variant: for deconvolution D | W | W·D, otherwise W.
import type { KernelImages, NormKind } from '../../../train/protocol';
import { KernelCanvas } from './KernelCanvas';
import type { KernelColourMode } from './kernelImage';
import { VARIANT_NAME } from '../variantStyle';

interface KernelGridProps {
  norm: NormKind;
  kernels?: KernelImages;
  mode: KernelColourMode;
  width: number;
  height: number;
  fileName: (what: string, extension: string) => string;
}

export function KernelGrid({ norm, kernels, mode, width, height, fileName }: KernelGridProps) {
  if (!kernels) {
    return (
      <div className="tv-kernel-grid tv-kernel-grid-empty" data-testid={`kernel-grid-${norm}`}>
        <p className="caption">The first layer's filters appear after the first training step.</p>
      </div>
    );
  }
  const banks: { title: string; key: string; values: number[]; shape: KernelImages['shape'] }[] = [];
  if (kernels.deconv && kernels.deconvShape)
    banks.push({ title: 'D · deconvolution', key: 'D', values: kernels.deconv, shape: kernels.deconvShape });
  banks.push({ title: 'W · learned', key: 'W', values: kernels.weights, shape: kernels.shape });
  if (kernels.effective) banks.push({ title: 'W·D · effective', key: 'WD', values: kernels.effective, shape: kernels.shape });
  // Three slots whatever the variant, so W has the same size in every column.
  const each = Math.floor((width - 2 * 12) / 3);
  return (
    <div className="tv-kernel-grid" data-testid={`kernel-grid-${norm}`} aria-label={`First-layer kernels, ${VARIANT_NAME[norm]}`}>
      {banks.map((bank) => (
        <KernelCanvas
          key={bank.key}
          title={bank.title}
          bank={{ shape: bank.shape, values: bank.values }}
          mode={mode}
          maxWidth={each}
          maxHeight={height}
          fileName={(extension) => fileName(`kernels-${norm}-${bank.key}`, extension)}
        />
      ))}
    </div>
  );
}

export function kernelCaption(norm: NormKind, kernels?: KernelImages): string {
  if (norm === 'deconv') {
    return kernels?.deconv
      ? 'D is centre–surround (positive centre, negative ring): it decorrelates neighbouring pixels. W·D is the filter applied to the raw image.'
      : 'Deconvolution: learned filters W and the effective filters W·D.';
  }
  return norm === 'batchnorm'
    ? 'Batch norm only rescales each channel: W sees the raw, correlated pixels.'
    : 'No normalisation: the filters W see the raw pixels.';
}
