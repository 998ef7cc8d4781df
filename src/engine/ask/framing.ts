/**
 * How the answer frames offers the PM band was not written for: far above the band, a title the level table lacks,
 * a company whose kind the guide's list does not know. Each says what was assumed and how to change it.
 */
import type { CompanyKind, Guide, Range, Region } from '../../guide/schema.js';
import type { LevelMatch } from '../levels.js';
import { formatMoney, formatPercent } from '../money.js';
import type { KnownCompany } from '../offer/companies.js';
import { KIND_LABELS } from '../offer/index.js';
import { isUnnamedCompany, type NormalisedOffer } from '../offer/normalise.js';
import type { AskWarning } from './types.js';

/** Far above the band: the competing TC over the band top by more than this share, … */
export const FAR_ABOVE_TC_SHARE = 0.15;
/** … or the RSU the ask needs over this multiple of the RSU band top. */
export const FAR_ABOVE_RSU_MULTIPLE = 1.5;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "3×", "1.8×": one decimal, none when whole. */
function multiple(ratio: number): string {
  return `${Number(ratio.toFixed(1))}×`;
}

/** The level above the one the bands cover ("Senior Product Manager"), for a level review. */
export function nextLevel(guide: Guide): string {
  const rows = guide.levels.rows;
  const index = rows.findIndex((row) => row.ally === guide.levels.bandsCover);
  return rows[index + 1]?.ally ?? 'the next level';
}

/** Whether a level sits above the one the bands cover in the guide's level table (Senior PM, Director). */
export function aboveCoveredLevel(guide: Guide, allyLevel: string): boolean {
  const rank = (name: string) => guide.levels.rows.findIndex((row) => row.ally === name);
  return rank(allyLevel) > rank(guide.levels.bandsCover);
}

/** The company kind line: the kind named, and whether it came from the person or from the guide's list (and why). */
export function companyKindLine(
  kind: CompanyKind | undefined,
  chosen: CompanyKind | undefined,
  entry: KnownCompany | undefined,
  company: string | undefined,
): { kind: CompanyKind; reason: string } | undefined {
  if (kind === undefined) return undefined;
  if (chosen === undefined && entry?.kind === kind) return { kind, reason: `${entry.name}: ${entry.reason}` };
  const list = !entry
    ? company
      ? `${company} is not in the guide's company list`
      : 'no company named'
    : entry.kind === kind
      ? `the guide's list says the same`
      : `the guide's list says ${KIND_LABELS[entry.kind]}`;
  return { kind, reason: `${capitalised(KIND_LABELS[kind])}, as you chose it (${list}).` };
}

/** No kind known: say so, and how to set it, instead of counting no premium in silence. */
export function unknownKindWarning(guide: Guide, offer: NormalisedOffer, kind: CompanyKind | undefined): AskWarning[] {
  if (kind !== undefined) return [];
  const { percent, appliesTo } = guide.branchlessPremium;
  const unknown = isUnnamedCompany(offer)
    ? 'No company or kind was given'
    : `I don't know what kind of company ${offer.company} is (it is not in the guide's company list)`;
  return [
    {
      code: 'kind-unknown',
      text:
        `${unknown}, so no branchless premium is counted. If the company has branches, add \`--kind ${appliesTo}\` (or choose the kind in the offer form): ` +
        `the guide's ${formatPercent(percent.low)}–${formatPercent(percent.high)} branchless premium would apply.`,
    },
  ];
}

const SENIOR_WORDS = /\b(?:principal|staff|group|director|head|vp|vice president|svp|evp|chief)\b/i;
const VICE_PRESIDENT = /\b(?:vp|vice president|avp|svp)\b/i;
const JUNIOR_WORDS = /\b(?:associate|junior|jr|entry|apm)\b/i;

/**
 * Where a title the level table lacks likely sits against the level the bands cover: above (Principal, Staff, Head,
 * a VP outside banks), below (Associate, Junior), or no telling. Read as the covered level either way.
 */
export function unmappedTitleSits(
  guide: Guide,
  level: LevelMatch,
  kind: CompanyKind | undefined,
): 'above' | 'below' | undefined {
  if (!level.unmapped || !level.peerTitle) return undefined;
  const title = level.peerTitle;
  if (VICE_PRESIDENT.test(title) && kind === guide.branchlessPremium.appliesTo) return undefined;
  if (SENIOR_WORDS.test(title)) return 'above';
  if (JUNIOR_WORDS.test(title)) return 'below';
  return undefined;
}

/** A title the level table lacks is read as the level the bands cover: say so, and how to give another. */
export function unmappedTitleWarning(guide: Guide, level: LevelMatch, kind: CompanyKind | undefined): AskWarning[] {
  if (!level.unmapped || !level.peerTitle) return [];
  const title = level.peerTitle;
  const pm = guide.levels.bandsCover;
  const senior = nextLevel(guide);
  const titles = guide.levels.rows.map((row) => row.ally).join(', ');
  const bank = kind === guide.branchlessPremium.appliesTo;
  let hint = '';
  if (VICE_PRESIDENT.test(title) && bank) {
    hint = ` Banks often use Vice President for ${pm}-level roles, so ${pm} is a likely reading; check the scope.`;
  } else if (unmappedTitleSits(guide, level, kind) === 'above') {
    hint =
      ` At most companies a title like that sits above ${senior}: if so, the ${pm} figures undersell the role, and ` +
      `the first ask is Ally's ${senior} band in writing.`;
  } else if (unmappedTitleSits(guide, level, kind) === 'below') {
    hint =
      ` A title like that usually sits below ${pm}: ask the recruiter which level Ally's role is before any figure; ` +
      `if it is ${pm}, these figures are a step up for you.`;
  }
  return [
    {
      code: 'title-not-mapped',
      text:
        `"${title}" is not a title in the guide's level table (${titles}), so it is read as ${pm}, the level the ` +
        `bands cover.${hint} If the role is another level, send it again with that title (\`--title "${senior}"\`) ` +
        'or pick it in the offer form.',
    },
  ];
}

/**
 * Far above the band: the PM band cannot reach the offer, which usually means the other company is paying for a
 * more senior role. The ask figures stay (what matching the offer at this level takes), after a level review.
 */
export function farAboveBand(
  guide: Guide,
  region: Region,
  competing: number,
  rsuPerYear: Range,
): AskWarning | undefined {
  const top = region.band.totalComp.high;
  const rsuTop = region.band.stock.high;
  // The offer itself must be well above the band: RSU alone crossed 1.5× its top for a total-comp-only offer 4% over
  // the band (all of the remainder lands in RSU), and a level review is too much to lead with there.
  const tcFar = competing > top * (1 + FAR_ABOVE_TC_SHARE);
  const rsuFar = rsuPerYear.high > rsuTop * FAR_ABOVE_RSU_MULTIPLE;
  if (!tcFar) return undefined;
  const facts: string[] = [];
  if (competing > top) {
    const share = Math.round(((competing - top) / top) * 100);
    facts.push(
      `your competing ${formatMoney(competing)} is ${formatMoney(competing - top)} (${share}%) above ` +
        `${region.shortName}'s published band top ${formatMoney(top)}`,
    );
  }
  if (rsuFar) {
    facts.push(
      `matching ${facts.length > 0 ? 'it' : 'your offer'} takes RSU of up to ${formatMoney(rsuPerYear.high)} a year, ` +
        `${multiple(rsuPerYear.high / rsuTop)} ${region.shortName}'s RSU band top ${formatMoney(rsuTop)}`,
    );
  }
  const senior = nextLevel(guide);
  const pm = guide.levels.bandsCover;
  return {
    code: 'far-above-band',
    text:
      `${capitalised(facts.join(', and '))}: the ${pm} band can't reach your offer. An offer the band can't reach ` +
      `usually means a level mismatch (the other company is paying for a more senior role). Start with a level ` +
      `review: ask for the ${senior} band in writing. The figures below are what matching your offer at ${pm} ` +
      'would take; keep your walk-away.',
  };
}
