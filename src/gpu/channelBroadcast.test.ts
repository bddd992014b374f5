// Which element-wise calls the webgpu kernels send to the per-channel program (no GPU needed).
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { channelBroadcastPlan } from './channelBroadcast';

const t = (shape: number[], dtype: TensorInfo['dtype'] = 'float32'): TensorInfo => ({ dataId: {}, shape, dtype });

describe('channelBroadcastPlan', () => {
  it('takes a vector of the last dimension on either side', () => {
    expect(channelBroadcastPlan(t([32, 28, 28, 16]), t([16]))).toMatchObject({ vectorFirst: false });
    expect(channelBroadcastPlan(t([16]), t([32, 28, 28, 16]))).toMatchObject({ vectorFirst: true });
    expect(channelBroadcastPlan(t([32, 28, 28, 16]), t([1, 1, 1, 16]))).toMatchObject({ vectorFirst: false });
  });

  it("leaves same shapes, other broadcasts and non-float32 to tfjs's own kernel", () => {
    expect(channelBroadcastPlan(t([4, 16]), t([4, 16]))).toBeNull();
    expect(channelBroadcastPlan(t([1, 16]), t([16]))).toBeNull();
    expect(channelBroadcastPlan(t([4, 1]), t([1, 5]))).toBeNull();
    expect(channelBroadcastPlan(t([4, 16]), t([8]))).toBeNull();
    expect(channelBroadcastPlan(t([4, 5, 16]), t([5, 16]))).toBeNull();
    expect(channelBroadcastPlan(t([4, 16], 'int32'), t([16], 'int32'))).toBeNull();
  });
});
