// What whitening needs from the image alone, not from the settings: the luminance (grey), the
// per-channel input statistics and the "before" histogram. Reused across slider changes.
import { histogram } from '../sparsity';
import type { ChannelStats, Histogram } from '../whiten';
import { toLuminance, type ImageInput } from '../whitenInput';
import { HISTOGRAM_BINS } from '../whitenReadout';
import { channelStats } from './pixelStats';

export interface PreparedInput {
  /** The image as whitened: its luminance when grey, else the image itself. */
  image: ImageInput;
  stats: ChannelStats[];
  /** Of the input centred per channel, over its full symmetric range (as whiten.ts computes it). */
  histogram: Histogram;
}

/** The prepared input of an already validated image. */
export function prepareInput(source: ImageInput, grey: boolean): PreparedInput {
  const image = grey ? toLuminance(source) : source;
  const { data, channels } = image;
  const stats = Array.from({ length: channels }, (_, c) => channelStats(data, channels, c));
  // Centred values rounded to float32, as whiten.ts stores them; the range is the largest |value|.
  const centred = new Float32Array(data.length);
  let range = 0;
  for (let c = 0; c < channels; c += 1) {
    const mean = stats[c].mean;
    for (let i = c; i < data.length; i += channels) {
      centred[i] = data[i] - mean;
      range = Math.max(range, Math.abs(centred[i]));
    }
  }
  range ||= 1;
  return { image, stats, histogram: histogram(centred, HISTOGRAM_BINS, { min: -range, max: range }) };
}
