// Parses and checks the isqrt command's stdin: {"matrices": [[[...]]]}, a stack of symmetric
// positive definite matrices of one size.
import { cholesky } from '../core/reference/cholesky';
import { CliError } from './cliError';

export interface MatrixStack {
  batch: number;
  n: number;
  /** Row-major, matrix after matrix. */
  values: Float64Array;
}

const SYMMETRY_TOLERANCE = 1e-6;

export function parseMatrixStack(text: string): MatrixStack {
  if (text.trim() === '') throw new CliError('no input on stdin: expected {"matrices": [[[...]]]}');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`stdin is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const matrices = typeof json === 'object' && json !== null && 'matrices' in json ? json.matrices : undefined;
  if (!Array.isArray(matrices) || matrices.length === 0) throw new CliError('expected {"matrices": [...]} with at least one matrix');
  const first: unknown = matrices[0];
  const n = Array.isArray(first) ? first.length : 0;
  if (n === 0) throw new CliError('matrix 0 is not a non-empty array of rows');
  const values = new Float64Array(matrices.length * n * n);
  matrices.forEach((matrix: unknown, b) => {
    if (!Array.isArray(matrix) || matrix.length !== n) {
      throw new CliError(`matrix ${b} must have ${n} rows like matrix 0, got ${Array.isArray(matrix) ? matrix.length : typeof matrix}`);
    }
    matrix.forEach((row: unknown, i) => {
      if (!Array.isArray(row) || row.length !== n)
        throw new CliError(`matrix ${b} is not square: row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries, expected ${n}`);
      row.forEach((v: unknown, j) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new CliError(`matrix ${b} entry [${i}][${j}] is not a finite number`);
        values[(b * n + i) * n + j] = v;
      });
    });
    checkSymmetricPositiveDefinite(values.subarray(b * n * n, (b + 1) * n * n), n, b);
  });
  return { batch: matrices.length, n, values };
}

function checkSymmetricPositiveDefinite(m: Float64Array, n: number, b: number): void {
  let scale = 0;
  for (const v of m) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      if (Math.abs(m[i * n + j] - m[j * n + i]) > SYMMETRY_TOLERANCE * scale) {
        throw new CliError(`matrix ${b} is not symmetric: [${i}][${j}] = ${m[i * n + j]} but [${j}][${i}] = ${m[j * n + i]}`);
      }
    }
  }
  if (!cholesky(m, n))
    throw new CliError(`matrix ${b} is not positive definite: the inverse square root needs an SPD matrix (add eps * I to a covariance)`);
}
