// Notices the user must see: hash problems, restarts, divergence, a lost worker or GPU, errors.
import { useStore } from 'zustand';
import type { TrainingController } from './trainingController';
import { VARIANT_NAME, VARIANT_TEXT_COLOUR } from '../variantStyle';

export function RunMessages({ controller }: { controller: TrainingController }) {
  const run = useStore(controller.run, (s) => s.run);
  const hashNotices = useStore(controller.config, (s) => s.hashNotices);
  const restartNotice = useStore(controller.config, (s) => s.restartNotice);
  const dispatch = controller.run.getState().dispatch;
  const healthy = run.variants.filter((v) => !v.diverged);
  return (
    <div className="run-messages">
      {hashNotices.length > 0 && (
        <div className="message message-notice" role="status" data-testid="hash-notice">
          <strong>Some settings in the link could not be used; defaults apply instead.</strong>
          <ul>
            {hashNotices.slice(0, 5).map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
            {hashNotices.length > 5 && <li>…and {hashNotices.length - 5} more.</li>}
          </ul>
          <button type="button" className="link-button" onClick={() => controller.config.getState().dismissHashNotices()}>
            dismiss
          </button>
        </div>
      )}
      {restartNotice && (
        <div className="message message-notice" role="status" data-testid="restart-notice">
          {restartNotice}{' '}
          <button type="button" className="link-button" onClick={() => controller.config.getState().setRestartNotice(undefined)}>
            dismiss
          </button>
        </div>
      )}
      {run.divergences.map((d) => (
        <div key={d.norm} className="message message-error" role="alert" data-testid={`diverged-${d.norm}`}>
          {/* The trainer's own sentence: variant, step, what happened to the loss. */}
          <strong style={{ color: VARIANT_TEXT_COLOUR[d.norm] }}>{d.message}</strong> Training paused
          {healthy.length > 0 ? '; the other variants can continue.' : ': every variant diverged.'} Try a smaller learning rate.{' '}
          {healthy.length > 0 && run.state === 'paused' && (
            <>
              <button type="button" className="button" data-testid="continue-healthy" onClick={() => controller.play()}>
                Continue {healthy.map((v) => VARIANT_NAME[v.norm]).join(' and ')}
              </button>{' '}
            </>
          )}
          <button type="button" className="button" data-testid="reset-diverged" onClick={() => controller.reset()}>
            Reset the run
          </button>{' '}
          <button type="button" className="link-button" onClick={() => dispatch({ type: 'dismiss-divergence', norm: d.norm })}>
            dismiss
          </button>
        </div>
      ))}
      {run.workerLost && (
        <div className="message message-error" role="alert" data-testid="worker-lost">
          {run.workerLost} The curves so far are kept.{' '}
          <button type="button" className="button" onClick={() => controller.restartWorker()}>
            Restart the trainer
          </button>
        </div>
      )}
      {run.deviceLost && (
        <div className="message message-error" role="alert" data-testid="device-lost">
          {run.deviceLost.message} Curves and settings are kept.{' '}
          {run.deviceLost.checkpointStep !== null
            ? `Resuming continues from the checkpoint at step ${run.deviceLost.checkpointStep} (later steps are computed again).`
            : 'No checkpoint was taken yet: resuming starts again from step 0.'}{' '}
          <button type="button" className="button" data-testid="resume-webgpu" onClick={() => controller.resume('webgpu')}>
            Resume on WebGPU (new device)
          </button>{' '}
          <button type="button" className="button" data-testid="resume-webgl" onClick={() => controller.resume('webgl')}>
            Resume on WebGL
          </button>{' '}
          <button type="button" className="button" data-testid="resume-cpu" onClick={() => controller.resume('cpu')}>
            Resume on CPU
          </button>
        </div>
      )}
      {run.error && !run.workerLost && !run.deviceLost && (
        <div className="message message-error" role="alert" data-testid="run-error">
          {run.error}{' '}
          <button type="button" className="button" onClick={() => controller.restartWorker()}>
            Restart the trainer
          </button>{' '}
          <button type="button" className="link-button" onClick={() => dispatch({ type: 'dismiss-error' })}>
            dismiss
          </button>
        </div>
      )}
    </div>
  );
}
