// The Benchmark panel (issue 6): the benchmark suite run in a worker on this machine, in one click,
// its table filling row by row, and the report exported as JSON or markdown.
import { useEffect, useState } from 'react';
import { isBenchActive, reportOf, useBenchStore } from '../../state/benchStore';
import { probeBackends, type AvailabilityMap } from './backendAvailability';
import { cancelBench, startBench } from './benchController';
import { BenchControls } from './BenchControls';
import { BenchExport } from './BenchExport';
import { defaultSelection, parseBenchHash, suiteOptions, type BenchSelection } from './benchOptions';
import { BenchTable } from './BenchTable';
import { PageLoadPanel } from './PageLoadPanel';
import { RunStatus } from './RunStatus';
import './bench.css';

export function BenchmarkView() {
  const model = useBenchStore();
  const [availability, setAvailability] = useState<AvailabilityMap | null>(null);
  const [parsed] = useState(() => parseBenchHash(window.location.hash));
  const [selection, setSelection] = useState<BenchSelection>(() => defaultSelection({ webgpu: false, webgl: false, cpu: true }, parsed.selection));
  const active = isBenchActive(model.status);

  useEffect(() => {
    let live = true;
    void probeBackends().then((found) => {
      if (!live) return;
      setAvailability(found);
      const available = { webgpu: found.webgpu.available, webgl: found.webgl.available, cpu: found.cpu.available };
      setSelection((current) => defaultSelection(available, { ...parsed.selection, groups: current.groups, full: current.full }));
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
            Times deconvolution against batch norm and plain convolution on this machine, side by side on one backend in one run: the
            fused WGSL kernels against composed TensorFlow.js ops, one layer and a whole training step of each model, peak tensor
            memory, and whitening a 512×512 image. Each ratio compares two figures measured together; absolute times are context.
          </p>
          <p className="bench-lead bench-lead-note">
            Deconv Lab&apos;s published figures come from CI machines without a GPU (WebGPU on SwiftShader, a software GPU): real-GPU
            figures can only come from a run like this on your own machine. Preset by address:{' '}
            <code>#/benchmark?backends=cpu&amp;groups=whiten_512&amp;full=0</code>
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
