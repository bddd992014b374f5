// Runs the suite and wraps its rows in a BenchReport: date, the devices the backends reported, the
// options and the wall time. Shared by the in-app worker, the runner's page and the Node runner.
import { runSuite, type SuiteHooks } from './suite';
import type { BenchReport, BenchSuiteOptions } from './types';

export async function runSuiteReport(
  options: BenchSuiteOptions,
  runtime: BenchReport['runtime'],
  hooks: SuiteHooks,
  userAgent?: string,
): Promise<BenchReport> {
  const started = Date.now();
  const devices: BenchReport['devices'] = {};
  const rows = await runSuite(options, {
    ...hooks,
    useBackend: async (backend) => {
      const device = await hooks.useBackend(backend);
      devices[backend] = device;
      return device;
    },
  });
  return {
    date: new Date(started).toISOString(),
    devices,
    runtime,
    ...(userAgent === undefined ? {} : { userAgent }),
    options,
    rows,
    totalSeconds: (Date.now() - started) / 1000,
  };
}
