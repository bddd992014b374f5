import { describe, expect, it } from 'vitest';
import { withEveryBindingUsed } from './program';

describe('withEveryBindingUsed', () => {
  it('puts a use of the uniforms and of every input first in main()', () => {
    const code = 'var<workgroup> tile: array<f32, 4>;\nfn main() {\n  result[0] = A[0];\n}';
    const out = withEveryBindingUsed(code, ['A', 'B']);
    expect(out).toBe('var<workgroup> tile: array<f32, 4>;\nfn main() {\n  _ = uniforms.NAN; _ = A[0]; _ = B[0];\n  result[0] = A[0];\n}');
  });

  it('finds main() whatever the spacing', () => {
    for (const opening of ['fn main(){', 'fn  main ( ) {', 'fn main()\n{']) {
      const out = withEveryBindingUsed(`${opening} result[0] = 1.0; }`, ['X']);
      expect(out).toContain(`${opening}\n  _ = uniforms.NAN; _ = X[0];`);
    }
  });

  it('throws a clear error when there is no main() to insert into', () => {
    expect(() => withEveryBindingUsed('fn mainLoop() { }', ['X'])).toThrow(/exactly one 'fn main\(\)'.*found 0/);
    expect(() => withEveryBindingUsed('fn main(i: u32) { }', ['X'])).toThrow(/found 0/);
  });

  it('throws when main() is defined twice', () => {
    expect(() => withEveryBindingUsed('fn main() { }\nfn main() { }', [])).toThrow(/found 2/);
  });
});
