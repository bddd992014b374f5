// Every control of a run: preset, data, model, variants, optimiser and deconvolution settings,
// and the transport buttons. Settings that would corrupt a running run are disabled while it runs.
import { useState } from 'react';
import { useStore } from 'zustand';
import { blockFor, defaultBlockReason, fixedDeconvolution, MODEL_LABELS, PAPER_BLOCK } from '../../../nn/models/catalog';
import { PRESETS } from '../../../state/presets';
import { NORM_KINDS, type TrainingParams } from '../../../state/urlHashSchema';
import type { NormKind } from '../../../train/protocol';
import { MAX_UPLOAD_BYTES } from './cifarUpload';
import { ChoiceInput, NumberInput } from './ParamInput';
import { PresetLesson, PresetPicker } from './PresetPicker';
import type { TrainingController } from '../run/trainingController';
import { LearningRateReason, VariantLearningRates } from './VariantLearningRates';
import { VARIANT_COLOUR, VARIANT_TEXT_COLOUR } from '../variantStyle';

const VARIANT_SHORT_LABEL = { deconv: 'deconv', batchnorm: 'batch norm', none: 'none' } as const;

const DATASET_LABELS = { mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST', cifar10: 'CIFAR-10 (upload)' } as const;

export function TrainingToolbar({ controller }: { controller: TrainingController }) {
  const params = useStore(controller.config, (s) => s.params);
  const presetId = useStore(controller.config, (s) => s.presetId);
  const run = useStore(controller.run, (s) => s.run);
  const [uploadMessage, setUploadMessage] = useState<string | null>(null);
  const running = run.state === 'running';
  // Only a running loop is locked: during loading / compiling a change queues a fresh build.
  const busy = running;
  const set = (patch: Partial<TrainingParams>) => controller.config.getState().setParams(patch);
  const locked = busy ? 'Pause the run to change this setting' : undefined;
  const fixed = fixedDeconvolution(params.model);

  const toggleNorm = (norm: NormKind, on: boolean) => {
    const next = NORM_KINDS.filter((n) => (n === norm ? on : params.norms.includes(n)));
    if (next.length > 0) set({ norms: next });
  };

  const onPreset = (id: string) => {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) return;
    if (preset.kind === 'link') window.location.hash = preset.href;
    else controller.config.getState().applyPreset(id);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Training controls">
      <div className="toolbar-row">
        <PresetPicker presetId={presetId} params={params} onPick={onPreset} />
        <span title={locked}>
          <ChoiceInput
            name="dataset"
            value={params.dataset}
            disabled={busy}
            onChange={(dataset) => set({ dataset })}
            labels={DATASET_LABELS}
          />
        </span>
        {params.dataset === 'cifar10' && (
          <label
            className="param"
            title={`CIFAR-10 binary files (data_batch_*.bin, test_batch.bin or cifar-10-binary.tar.gz), at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. They stay on this computer.`}
          >
            <span className="param-label">CIFAR-10 files</span>
            <input
              type="file"
              multiple
              accept=".bin,.gz,.tgz,.tar"
              disabled={busy}
              aria-label="CIFAR-10 files"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                void controller.uploadCifar(files).then(setUploadMessage);
              }}
            />
          </label>
        )}
        <span title={locked}>
          <ChoiceInput name="model" value={params.model} disabled={busy} labels={MODEL_LABELS} onChange={(model) => set({ model })} />
        </span>
        <div className="param" role="group" aria-label="variants" title={locked}>
          <span className="param-label">variants</span>
          <span className="variants">
            {NORM_KINDS.map((norm) => (
              <label key={norm} className="variant-toggle" style={{ color: VARIANT_TEXT_COLOUR[norm], accentColor: VARIANT_COLOUR[norm] }}>
                <input
                  type="checkbox"
                  disabled={busy}
                  checked={params.norms.includes(norm)}
                  onChange={(event) => toggleNorm(norm, event.target.checked)}
                />
                {VARIANT_SHORT_LABEL[norm]}
              </label>
            ))}
          </span>
        </div>
        <div className="transport">
          <button
            type="button"
            className="button button-primary"
            data-testid="play-button"
            aria-label={running ? 'Pause (Space)' : 'Play (Space)'}
            disabled={run.state === 'loading' || Boolean(run.workerLost)}
            onClick={() => controller.togglePlay()}
          >
            {running ? '❚❚ Pause' : '▶ Play'}
          </button>
          <button
            type="button"
            className="button"
            data-testid="step-button"
            aria-label="One step (S)"
            disabled={busy || run.state === 'idle' || run.state === 'loading' || run.state === 'compiling' || Boolean(run.workerLost)}
            onClick={() => controller.step()}
          >
            Step
          </button>
          <button
            type="button"
            className="button"
            data-testid="reset-button"
            aria-label="Reset (R)"
            disabled={Boolean(run.workerLost)}
            onClick={() => controller.reset()}
          >
            Reset
          </button>
        </div>
      </div>
      <div className="toolbar-row toolbar-row-small" title={locked}>
        <ChoiceInput name="optimizer" value={params.optimizer} disabled={busy} onChange={(optimizer) => set({ optimizer })} />
        <NumberInput name="lr" value={params.lr} disabled={busy} onCommit={(lr) => set({ lr })} label="lr" width="5em" />
        <VariantLearningRates params={params} disabled={busy} onChange={(lrByNorm) => set({ lrByNorm })} />
        <NumberInput name="batch" value={params.batch} disabled={busy} onCommit={(batch) => set({ batch })} label="batch" width="4em" />
        <NumberInput name="epochs" value={params.epochs} disabled={busy} onCommit={(epochs) => set({ epochs })} width="3em" />
        <NumberInput
          name="block"
          value={blockFor(params.model, params.block)}
          disabled={busy || fixed !== undefined}
          onCommit={(block) => set({ block })}
          label={params.block === 0 ? 'block (model default)' : 'block'}
          title={fixed ?? `${defaultBlockReason(params.model) ?? `the paper's block ${PAPER_BLOCK}`}; 0 = the model's default`}
          width="3.5em"
        />
        <NumberInput
          name="iters"
          value={params.iters}
          disabled={busy || fixed !== undefined}
          onCommit={(iters) => set({ iters })}
          label="NS iters"
          title={fixed}
          width="3em"
        />
        <NumberInput
          name="eps"
          value={params.eps}
          disabled={busy || fixed !== undefined}
          onCommit={(eps) => set({ eps })}
          title={fixed}
          width="5.5em"
        />
        <NumberInput
          name="stride"
          value={params.stride}
          disabled={busy}
          onCommit={(stride) => set({ stride })}
          label="stride"
          width="3em"
        />
        <NumberInput name="seed" value={params.seed} disabled={busy} onCommit={(seed) => set({ seed })} width="4em" />
        <NumberInput name="hz" value={params.hz} disabled={false} onCommit={(hz) => set({ hz })} label="updates/s" width="3em" />
        <ChoiceInput name="backend" value={params.backend} disabled={busy} onChange={(backend) => set({ backend })} />
      </div>
      <PresetLesson params={params} />
      <LearningRateReason params={params} />
      {fixed && (
        <p className="message" data-testid="fixed-deconvolution">
          {MODEL_LABELS[params.model]} whitens with {fixed}; the block, NS iters and eps settings do not apply to it.
        </p>
      )}
      {uploadMessage && (
        <p className="message message-error" role="alert">
          {uploadMessage}{' '}
          <button type="button" className="link-button" onClick={() => setUploadMessage(null)}>
            dismiss
          </button>
        </p>
      )}
    </div>
  );
}
