// Which convolutions the webgpu Conv2D kernel sends to the direct program (no GPU needed).
import type { Conv2DAttrs, TensorInfo } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { directConvShape } from './directConv';
import { directConvSpec } from './directConvWgsl';

const info = (shape: number[], dtype: TensorInfo['dtype'] = 'float32'): TensorInfo => ({ dataId: {}, shape, dtype });
const attrs = (over: Partial<Conv2DAttrs> = {}): Conv2DAttrs => ({
  strides: 1,
  pad: 'same',
  dataFormat: 'NHWC',
  dilations: 1,
  dimRoundingMode: undefined,
  ...over,
});

describe('directConvShape', () => {
  it('takes NHWC float32 inputs of 1 to 3 channels, with their padding', () => {
    const shape = directConvShape(info([32, 28, 28, 1]), info([3, 3, 1, 16]), attrs());
    expect(shape).toMatchObject({ batch: 32, outHeight: 28, outWidth: 28, outChannels: 16, padTop: 1, padLeft: 1 });
    expect(directConvShape(info([2, 32, 32, 3]), info([5, 5, 3, 8]), attrs({ strides: 2, pad: 'valid' }))).toMatchObject({
      outHeight: 14,
      strideHeight: 2,
      padTop: 0,
    });
  });

  it("leaves 4 channels or more, NCHW and int32 to tfjs's own kernel", () => {
    expect(directConvShape(info([1, 8, 8, 4]), info([3, 3, 4, 4]), attrs())).toBeNull();
    expect(directConvShape(info([1, 1, 8, 8]), info([3, 3, 1, 4]), attrs({ dataFormat: 'NCHW' }))).toBeNull();
    expect(directConvShape(info([1, 8, 8, 1], 'int32'), info([3, 3, 1, 4], 'int32'), attrs())).toBeNull();
  });
});

describe('directConvSpec', () => {
  it('spreads a large output over two dispatch dimensions and names every constant in its key', () => {
    const shape = directConvShape(info([1, 2048, 2048, 3]), info([3, 3, 3, 27]), attrs());
    if (!shape) throw new Error('expected the direct program');
    const spec = directConvSpec(shape);
    const [gx, gy] = spec.dispatch;
    expect(gx).toBeLessThanOrEqual(65535);
    expect(gx * gy * 256).toBeGreaterThanOrEqual(2048 * 2048 * 27);
    const other = directConvSpec({ ...shape, padLeft: 0 });
    expect(other.shaderKey).not.toBe(spec.shaderKey);
  });
});
