// Counts passed/failed tests from the Vitest and Playwright JSON reports; a failed gate
// (lint, types, build) that produced no report counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function countPlaywright(report) {
  let passed = 0;
  let failed = 0;
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'skipped') continue;
        if (test.status === 'expected' || test.status === 'flaky') passed += 1;
        else failed += 1;
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  for (const error of report.errors ?? []) if (error) failed += 1;
  return { passed, failed };
}

export function countResults(dir, failedGates = []) {
  let passed = 0;
  let failed = 0;
  const vitest = readJson(join(dir, 'vitest.json'));
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    const vitestFailed = (vitest.numFailedTests ?? 0) + (vitest.numFailedTestSuites ?? 0);
    // A runner that exits non-zero with no failed test (no files found, a crash) still counts once.
    failed += vitestFailed > 0 ? vitestFailed : failedGates.includes('unit tests') ? 1 : 0;
  } else if (failedGates.includes('unit tests')) failed += 1;
  const playwright = readJson(join(dir, 'playwright.json'));
  if (playwright) {
    const counts = countPlaywright(playwright);
    passed += counts.passed;
    failed += counts.failed > 0 ? counts.failed : failedGates.includes('browser tests') ? 1 : 0;
  } else if (failedGates.includes('browser tests')) failed += 1;
  for (const gate of ['format', 'lint', 'typecheck', 'build']) if (failedGates.includes(gate)) failed += 1;
  return { passed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = countResults(process.argv[2] ?? 'reports');
  console.log(`${passed} passed, ${failed} failed`);
}
