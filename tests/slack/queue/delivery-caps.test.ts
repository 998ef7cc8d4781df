import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS_INPUT, deliveryCaps } from '../../../src/slack/delivery-caps.js';

describe('deliveryCaps', () => {
  it('sizes the global cap from the budget and the per-channel cap from the longest acceptable wait', () => {
    expect(deliveryCaps()).toEqual({ maxDeliveries: 2_520, maxPerChannel: 272 });
  });

  it('never lets one channel hold more than the whole queue, nor any cap fall to zero', () => {
    expect(deliveryCaps({ ...DEFAULT_CAPS_INPUT, memoryBudgetBytes: 100 * 13 * 1024 })).toEqual({
      maxDeliveries: 100,
      maxPerChannel: 100,
    });
    expect(deliveryCaps({ ...DEFAULT_CAPS_INPUT, memoryBudgetBytes: 1, maxChannelWaitMs: 1 })).toEqual({
      maxDeliveries: 1,
      maxPerChannel: 1,
    });
  });
});
