/**
 * The form's equity box, which says "40k a year, or 160k as a total grant": the words after the amount decide
 * whether it is a yearly value or a whole grant, so the form accepts its own placeholder. Without such words the
 * kind picker (or the guide's stock reading) decides, as before.
 */
import { type AmountLimits, parseAmount } from '../money.js';

export type EquityFieldReading =
  | { ok: true; dollars: number; kind?: 'annual' | 'grant'; years?: number; readAs?: string }
  | { ok: false; reason: string };

const YEARLY = /\s*(?:\/\s*(?:yr|year|y)s?|(?:a|per|each|every)\s+(?:year|yr)|annual(?:ly)?|yearly)\s*$/i;
const GRANT =
  /\s*(?:(?:as\s+)?(?:a|the)?\s*(?:total\s+|whole\s+|one[\s-]?time\s+)?grant|total|in\s+total)(?:\s+(?:over|vesting\s+over)\s+(\d{1,2})\s*(?:y|yrs?|years?))?\s*$/i;
const OVER_YEARS = /\s*(?:over|vesting\s+over|\/)\s*(\d{1,2})\s*-?\s*(?:y|yrs?|years?)\s*$/i;

export function readEquityField(text: string, limits?: AmountLimits): EquityFieldReading {
  const typed = text.trim();
  let rest = typed;
  let kind: 'annual' | 'grant' | undefined;
  let years: number | undefined;
  const grant = GRANT.exec(rest);
  const over = OVER_YEARS.exec(rest);
  if (YEARLY.test(rest)) {
    kind = 'annual';
    rest = rest.replace(YEARLY, '');
  } else if (grant && grant[0].trim().length > 0) {
    kind = 'grant';
    years = grant[1] === undefined ? undefined : Number(grant[1]);
    rest = rest.slice(0, grant.index);
  } else if (over) {
    kind = 'grant';
    years = Number(over[1]);
    rest = rest.slice(0, over.index);
  }
  const parsed = parseAmount(rest, limits);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return {
    ok: true,
    dollars: parsed.value,
    ...(kind ? { kind } : {}),
    ...(years !== undefined ? { years } : {}),
    ...(parsed.readAs ? { readAs: parsed.readAs } : {}),
  };
}
