import { describe, expect, it } from 'vitest';
import { regimes } from './stepCases';

describe('deconv_step_vs_bn_step regimes', () => {
  it("times a model whose default block is not the paper's at both blocks (before and after in one run)", () => {
    expect(regimes('mlp').map((r) => [r.name, r.block, r.freezeIters])).toEqual([
      ['statistics every step, block 32 (model default)', undefined, 0],
      ['statistics every step, block 64 (the default before 32)', 64, 0],
      ['frozen after step 1, steady state (1 refresh in 10 steps)', undefined, 1],
    ]);
  });

  it("times the other models at their (the paper's) block only", () => {
    expect(regimes('simple-cnn').map((r) => [r.name, r.block])).toEqual([
      ['statistics every step', undefined],
      ['frozen after step 1, steady state (1 refresh in 10 steps)', undefined],
    ]);
  });
});
