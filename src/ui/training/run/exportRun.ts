// The run as JSON and CSV (pure formatting; downloading lives in download.ts).
import type { RunModel } from '../../../state/trainingRun';
import { matchingPreset } from '../../../state/presets';
import { toTrainConfig } from '../../../state/trainingConfig';
import { serialiseQuery } from '../../../state/urlHash';
import type { TrainingParams } from '../../../state/urlHashSchema';

export const EXPORT_FORMAT_VERSION = 1;

export function runToJson(run: RunModel, params: TrainingParams, exportedAt: string): string {
  const document = {
    app: 'deconv-lab',
    format: EXPORT_FORMAT_VERSION,
    exportedAt,
    hash: `#/training?${serialiseQuery(params)}`,
    params,
    config: toTrainConfig(params),
    backend: run.backend ?? null,
    implementation: run.implementation ?? null,
    step: run.step,
    stepsPerEpoch: run.stepsPerEpoch,
    totalSteps: run.totalSteps,
    divergences: run.divergences,
    variants: run.variants.map((variant) => ({
      norm: variant.norm,
      params: variant.params,
      msPerStep: variant.msPerStep,
      diverged: variant.diverged,
      losses: variant.losses,
      test: variant.test,
      kernels: variant.kernels ?? null,
      activations: variant.activations ?? null,
    })),
  };
  // NaN/Infinity are not JSON: write them as null so the file always parses.
  return JSON.stringify(document, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2);
}

function cell(value: number | undefined): string {
  // NaN / Infinity are written as words: spreadsheets read them, and a divergence stays visible.
  return value === undefined ? '' : String(value);
}

/** Wide CSV: one row per step, a loss and a test-accuracy column per variant. */
export function runToCsv(run: RunModel): string {
  const norms = run.variants.map((variant) => variant.norm);
  const header = ['step', ...norms.map((norm) => `loss_${norm}`), ...norms.map((norm) => `test_accuracy_${norm}`)];
  const steps = new Set<number>();
  const losses = run.variants.map((variant) => new Map(variant.losses.map((point) => [point.step, point.loss])));
  const accuracies = run.variants.map((variant) => new Map(variant.test.map((point) => [point.step, point.accuracy])));
  for (const variant of run.variants) {
    for (const point of variant.losses) steps.add(point.step);
    for (const point of variant.test) steps.add(point.step);
  }
  const rows = [...steps]
    .sort((a, b) => a - b)
    .map((step) => [String(step), ...losses.map((map) => cell(map.get(step))), ...accuracies.map((map) => cell(map.get(step)))].join(','));
  return [header.join(','), ...rows].join('\n') + '\n';
}

export function exportFileName(params: TrainingParams, what: string, extension: string): string {
  return `deconv-lab-${params.dataset}-${params.model}-seed${params.seed}-${what}.${extension}`;
}

function compactTimestamp(at: Date): string {
  // 2026-11-28T20:13:06.000Z -> 20261128-201306 (UTC; sorts by time, no characters file systems dislike)
  return at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** A run export's name: which preset (or dataset and model), which variants, and when, so two runs never share a name. */
export function runExportFileName(params: TrainingParams, extension: string, at: Date): string {
  const preset = matchingPreset(params);
  const what = preset ? `${preset.id}-${params.dataset}-${params.model}` : `${params.dataset}-${params.model}`;
  return `deconv-lab-${what}-${params.norms.join('-')}-seed${params.seed}-run-${compactTimestamp(at)}.${extension}`;
}
