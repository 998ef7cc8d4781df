/**
 * The offer form's custom vesting box, read by the quick form's --vesting reader: one parser, so both accept the
 * same schedules ("10/20/30/40", "25% a year", "evenly over 3 years", "front-loaded") with the same messages.
 */
import type { Guide } from '../../guide/schema.js';
import { Collector } from './collector.js';
import { readVestingFlag } from './flags.js';
import type { Vesting } from './normalise.js';

export type VestingFieldReading = { ok: true; vesting: Vesting; readAs: string[] } | { ok: false; reason: string };

export function readVestingField(guide: Guide, text: string): VestingFieldReading {
  const c = new Collector(guide);
  const vesting = readVestingFlag(c, text);
  const problem = c.problems[0];
  if (problem || !vesting)
    return { ok: false, reason: problem?.message ?? 'Vesting: that is not a schedule I can read.' };
  return { ok: true, vesting, readAs: c.readAs };
}
