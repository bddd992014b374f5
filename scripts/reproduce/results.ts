// Results files: reports/reproduce-<tag>.json, one array of RunResult per process; the report is
// rebuilt from all of them (a later finished result of the same run replaces an earlier one).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runId, type RunResult } from './types';

export const resultsFile = (dir: string, tag: string): string => join(dir, `reproduce-${tag}.json`);

/** JSON has no NaN: accuracies of diverged or unfinished runs are stored as null and read back as NaN. */
function revive(r: RunResult): RunResult {
  return {
    ...r,
    variants: r.variants.map((v) => ({
      ...v,
      validationAccuracy: v.validationAccuracy ?? NaN,
      testAccuracy: v.testAccuracy ?? NaN,
      testAccuracyBatchStats: v.testAccuracyBatchStats ?? NaN,
    })),
  };
}

export async function loadResults(dir: string): Promise<RunResult[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => /^reproduce-.*\.json$/.test(f)).sort();
  } catch {
    return [];
  }
  const all = (await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as RunResult[]))).flat();
  return all.map(revive);
}

/** Finished runs, one per run id (the last finished one wins), and the count of unfinished ones. */
export function finishedRuns(all: readonly RunResult[]): { runs: RunResult[]; unfinished: number } {
  const byId = new Map<string, RunResult>();
  let unfinished = 0;
  for (const r of all) {
    if (!r.complete) unfinished += 1;
    else byId.set(runId(r), r);
  }
  return { runs: [...byId.values()], unfinished };
}

export async function saveResults(dir: string, tag: string, runs: readonly RunResult[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(resultsFile(dir, tag), JSON.stringify(runs));
}
