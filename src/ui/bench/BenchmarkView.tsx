// The Benchmark panel (issue 6): the benchmark suite run in a worker on this machine, in one click,
// its table filling row by row, and the report exported as JSON or markdown.
import { useEffect, useState } from 'react';
import { isBenchActive, reportOf, useBenchStore } from '../../state/benchStore';
import { probeBackends, type AvailabilityMap } from './backendAvailability';
import { cancelBench, startBench } from './benchController';
import { BenchControls } from './BenchControls';
import { BenchExport } from './BenchExport';
import { BENCH_BACKENDS, defaultSelection, parseBenchHash, suiteOptions, type BenchSelection } from './benchOptions';
import type { BenchBackend } from '../../bench/types';
import { BenchTable } from './BenchTable';
import { PageLoadPanel } from './PageLoadPanel';
import { RunStatus } from './RunStatus';
import './bench.css';

/** Before the probe answers, only CPU counts as available. */
const CPU_ONLY: Record<BenchBackend, boolean> = { webgpu: false, webgl: false, wasm: false, cpu: true };

function availableOf(found: AvailabilityMap): Record<BenchBackend, boolean> {
  return Object.fromEntries(BENCH_BACKENDS.map((b) => [b, found[b].available])) as Record<BenchBackend, boolean>;
}

export function BenchmarkView() {
  const model = useBenchStore();
  const [availability, setAvailability] = useState<AvailabilityMap | null>(null);
  const [parsed] = useState(() => parseBenchHash(window.location.hash));
  const [selection, setSelection] = useState<BenchSelection>(() => defaultSelection(CPU_ONLY, parsed.selection));
  const active = isBenchActive(model.status);

  useEffect(() => {
    let live = true;
    void probeBackends().then((found) => {
      if (!live) return;
      setAvailability(found);
      setSelection((current) => defaultSelection(availableOf(found), { ...parsed.selection, groups: current.groups, full: current.full }));
    });
    return () => {
      live = false;
    };
  }, [parsed]);

  const report = reportOf(model, navigator.userAgent);
  return (
    <div className="bench-view" data-testid="bench-view" data-status={model.status} data-probed={availability !== null}>
      <div className="bench-top">
        <section className="panel bench-intro" aria-labelledby="bench-title">
          <h2 className="panel-title" id="bench-title">
            Benchmark this machine
          </h2>
          <p className="bench-lead">
            Times deconvolution against batch norm and plain convolution on this machine, side by side on one backend in one run: the fused
            WGSL kernels against composed TensorFlow.js ops, one layer and a whole training step of each model, peak tensor memory, WASM
            against the other backends, and whitening a 512×512 image. Each ratio compares two figures measured together; absolute times are
            context.
          </p>
          <p className="bench-lead bench-lead-note">
            Deconv Lab&apos;s published figures come from CI machines without a GPU (WebGPU on SwiftShader, a software GPU): real-GPU
            figures can only come from a run like this on your own machine. Preset by address:{' '}
            <code>#/benchmark?backends=wasm,cpu&amp;groups=step_wasm_vs_other&amp;full=0</code>
          </p>
          {parsed.notices.map((notice) => (
            <p key={notice} className="message message-notice">
              {notice}
            </p>
          ))}
          <BenchControls
            availability={availability}
            selection={selection}
            onChange={setSelection}
            active={active}
            cancelling={model.status === 'cancelling'}
            onRun={() => startBench(suiteOptions(selection))}
            onCancel={cancelBench}
          />
        </section>
        <PageLoadPanel />
      </div>
      <RunStatus model={model} />
      {model.error && (
        <p className="message message-error" data-testid="bench-error" role="alert">
          {model.error}
          {model.rows.length > 0 ? ` (${model.rows.length} rows were measured before it stopped; they are kept below.)` : ''}
        </p>
      )}
      <BenchTable rows={model.rows} running={active} />
      <BenchExport report={report} disabled={active} />
    </div>
  );
}
