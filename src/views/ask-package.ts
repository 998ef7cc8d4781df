import type { KnownBlock } from '@slack/types';
import { type AskPackage, type LeverScript, PAY_REVIEW_ASK, sayBonusTarget } from '../engine/ask/index.js';
import { aMoney, formatMoney, formatPercent, formatRange } from '../engine/money.js';
import type { GuideNote } from '../guide/consistency.js';
import type { Guide } from '../guide/schema.js';
import { context, escapeMrkdwn, footnoteMark, quote, section, truncate } from './blocks.js';
import { COMMAND } from './ids.js';

/**
 * Footnote marks handed out where each note's figure is shown, numbered in order of first use, so every footnote
 * printed has a mark at its figure and no mark points at a note that is not printed.
 */
export class FootnoteMarks {
  private readonly used: GuideNote[] = [];

  /** Notes whose marks are already placed elsewhere (a band table's), in their order. */
  constructor(placed: GuideNote[] = []) {
    this.used.push(...placed);
  }

  mark(note: GuideNote | undefined): string {
    if (!note) return '';
    let index = this.used.findIndex((used) => used.id === note.id);
    if (index < 0) index = this.used.push(note) - 1;
    return footnoteMark(index);
  }

  byId(notes: GuideNote[], id: string): string {
    return this.mark(notes.find((note) => note.id === id));
  }

  notes(): GuideNote[] {
    return [...this.used];
  }
}

const LEVER_PART: Record<number, string> = { 1: 'base', 2: 'RSU', 3: 'total comp', 4: 'bonus target' };

/** "bonus target 25%" in one line of text, or the bonus with each base's percent when the percent falls. */
export function bonusTargetText(pkg: AskPackage): string {
  const { ask } = pkg;
  if (!ask) return '';
  const said = sayBonusTarget(ask.bonusTargetPercent.value, ask.base.value);
  return said.namesBase ? `bonus ${formatRange(ask.bonus.value)} (${said.words})` : `bonus target ${said.words}`;
}

/**
 * "TC $255K–$262K = base … + RSU … a year + bonus … (25% of base)": the parts that add up to the ask, then the floor
 * (the low end), which the person keeps to themselves: the scripts say only the opening (the top end).
 */
export function partsLine(pkg: AskPackage, marks: FootnoteMarks): string | undefined {
  const { ask } = pkg;
  if (!ask) return undefined;
  const stockMark = marks.byId(pkg.footnotes, 'stock-unit');
  const target = sayBonusTarget(ask.bonusTargetPercent.value, ask.base.value);
  const onePoint = ask.tc.value.low === ask.tc.value.high;
  const floor = ask.ends.low;
  return (
    `*TC ${formatRange(ask.tc.value)}* = base *${formatRange(ask.base.value)}* + RSU *${formatRange(ask.rsuPerYear.value)}* a year${stockMark} ` +
    `+ bonus *${formatRange(ask.bonus.value)}* (target *${target.words}*${target.namesBase ? '' : ' of base'}). ` +
    (onePoint ? 'The parts add up (to $1K).' : 'Each end adds up (to $1K).') +
    (onePoint
      ? ''
      : `\n*Your floor (don't say it):* ${formatMoney(floor.tc)} TC = base ${formatMoney(floor.base)} + RSU ` +
        `${formatMoney(floor.rsuPerYear)} a year + bonus ${formatMoney(floor.bonus)} ` +
        `(${formatPercent(ask.bonusTargetPercent.value.low, 0)} target).`)
  );
}

function openingNone(gap: number | undefined): string {
  return gap !== undefined && gap > 0 ? `none (within ${formatMoney(gap)})` : 'none (its TC covers the first year)';
}

/** The first year on its own line: the sign-on per end, never inside the TC sum (a sign-on is paid once). */
export function signOnLine(pkg: AskPackage): string | undefined {
  const { ask, offer } = pkg;
  if (!ask || !offer) return undefined;
  const first = formatMoney(offer.firstYearTc.value);
  // Ally's own sign-on is not a competing first year to beat: it is the person's already, paid on top of the ask.
  if (pkg.ownOffer) {
    return offer.signOn && offer.signOn.value > 0
      ? `*First year:* keep the ${formatMoney(offer.signOn.value)} sign-on ${pkg.offer?.company ?? 'it'} already offers, on top of the ask: the ask is yearly.`
      : undefined;
  }
  if (ask.signOn) {
    const { low: atFloor, high: atOpening } = ask.signOn.value;
    if (ask.tc.value.low === ask.tc.value.high)
      return `*First year:* your competing first year is ${first}; ask ${aMoney(atFloor).replace(' ', ' *')}* sign-on.`;
    return (
      `*First year:* your competing first year is ${first}; at the floor ask ${aMoney(atFloor).replace(' ', ' *')}* sign-on, ` +
      `at the opening ${atOpening > 0 ? `*${formatMoney(atOpening)}*` : openingNone(ask.openingFirstYearGap)}.`
    );
  }
  if (ask.firstYearGap) {
    return `*First year:* your competing first year (${first}) is within ${formatMoney(ask.firstYearGap.value)} of the ask: no sign-on to ask.`;
  }
  return offer.signOn
    ? `*First year:* the ask's first year already beats your competing first year (${first}): no sign-on to ask.`
    : undefined;
}

/** What to do first: lead lever and order, where to open, the walk-away, fallbacks. */
export function planLines(guide: Guide, pkg: AskPackage): string {
  const leverName = (number: number) =>
    `${number} (${LEVER_PART[number] ?? guide.levers.find((lever) => lever.number === number)?.name ?? ''})`;
  const lines = [
    ...(pkg.levelReviewFirst
      ? [
          `*Start with a level review:* ask for the ${pkg.levelReviewFirst} band in writing, before any figure. If the ` +
            `role stays ${guide.levels.bandsCover}, the plan is:`,
        ]
      : []),
    `*Lead with lever ${leverName(pkg.leadLever)}*, then ${pkg.leverOrder
      .filter((n) => n !== pkg.leadLever)
      .map(leverName)
      .join(', ')}.`,
  ];
  if (pkg.ask) {
    const { low, high } = pkg.ask.tc.value;
    const settle =
      pkg.premiumStory.reasons.length > 0
        ? 'a premium applies (above), so hold there.'
        : low === high
          ? 'the ask is one point, your floor too: hold it.'
          : `no premium applies as entered (\`${COMMAND} premiums\` lists them; one that fits you is the reason to hold at the top), so you can concede toward your floor ${formatMoney(low)}, only for something in ` +
            `return (a sign-on, ${pkg.levelReviewFits && !pkg.levelReviewFirst ? 'a level review' : PAY_REVIEW_ASK}).`;
    lines.push(
      `*Open at* ${formatMoney(pkg.ask.openAt.value)} TC${low === high ? '' : ', the top of the range'}, the one TC figure to say: ${settle}`,
    );
  }
  if (pkg.walkAway && pkg.offer) {
    const first = pkg.offer.firstYearTc.value;
    lines.push(
      `*Walk-away:* ${formatMoney(pkg.walkAway.value)} TC a year` +
        ', your competing offer. Below it, the other offer is better.' +
        // Only where a sign-on is asked: otherwise the ask's TC already covers that first year.
        (first > pkg.walkAway.value && pkg.ask?.signOn
          ? ` Its first year is ${formatMoney(first)}: a first year under that is a sign-on to ask for, not a reason to walk.`
          : ''),
    );
  }
  if (pkg.fallbacks.length > 0) lines.push(`*If they say no:* ${pkg.fallbacks.map(escapeMrkdwn).join(' ')}`);
  return truncate(lines.join('\n'), 2900);
}

/** The premium story: one Ally TC figure; premiums are the reason for where to open. */
export function premiumLines(pkg: AskPackage, marks: FootnoteMarks): string | undefined {
  const { premiumStory: story } = pkg;
  if (story.reasons.length === 0) return undefined;
  const twice = story.branchless ? marks.byId(pkg.footnotes, 'branchless-two-prices') : '';
  // Another level has no range here: "the top of the range" is the top of the one the recruiter is asked for.
  const whichRange =
    !pkg.ask && pkg.level.allyLevel && !pkg.level.bandsApply
      ? ` No range is shown at this level: the range is the ${pkg.level.allyLevel} one you ask the recruiter for.`
      : '';
  return truncate(
    `*Premiums:* ${story.reasons.map(escapeMrkdwn).join(' ')}${escapeMrkdwn(whichRange)}\n_${escapeMrkdwn(story.rule)}${twice}_`,
    2900,
  );
}

export function warningLines(pkg: AskPackage, skip: ReadonlySet<string> = new Set()): string | undefined {
  const shown = pkg.warnings.filter((warning) => !skip.has(warning.code));
  if (shown.length === 0) return undefined;
  return truncate(shown.map((warning) => `:warning: ${escapeMrkdwn(warning.text)}`).join('\n'), 2900);
}

/** The guide's own lever figures, kept visible and labelled as the guide's, with the note that they fall short. */
export function guideFiguresLine(guide: Guide, pkg: AskPackage, marks: FootnoteMarks): string | undefined {
  if (!pkg.ask) return undefined;
  const figure = (label: string) => pkg.guideFigures.find((candidate) => candidate.label === label)?.value;
  const base = figure('Guide lever 1 base');
  const rsu = figure('Guide lever 2 RSU');
  const bonus = figure('Guide lever 4 bonus target');
  const tc = figure('Guide lever 3 TC ask');
  if (typeof base !== 'number' || typeof bonus !== 'number' || !isRange(rsu) || !isRange(tc)) return undefined;
  const mark = marks.byId(pkg.footnotes, 'lever-figures-sum');
  return (
    `_The guide's own figures, for its Detroit example:${mark} base ${formatMoney(base)} (lever 1), RSU ${formatRange(rsu)} ` +
    `a year (lever 2), bonus target ${formatPercent(bonus)} (lever 4), TC ${formatRange(tc)} (lever 3). ` +
    (pkg.region.id === guide.example.region
      ? 'The ask above starts from them and carries the rest by the stated rule._'
      : `The ask above carries them to ${escapeMrkdwn(pkg.region.shortName)}'s band (the same place in the band) and ` +
        'carries the rest by the stated rule._')
  );
}

function isRange(value: unknown): value is { low: number; high: number } {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value;
}

/** One lever script as blocks: the script said aloud, then why it works and how it differs from the guide. */
export function scriptBlocks(
  guide: Guide,
  pkg: AskPackage,
  script: LeverScript,
  blockPrefix: string,
  marks: FootnoteMarks,
  /** Notes already said under an earlier script of the same message: each is said once per message. */
  said: Set<string> = new Set(),
): KnownBlock[] {
  const lever = guide.levers.find((candidate) => candidate.number === script.number);
  const changes = script.changes.filter((change) => !said.has(change));
  for (const change of changes) said.add(change);
  // Far above the band the plan starts with a level review: the lead lever comes after it, as the plan says.
  const lead =
    script.number !== pkg.leadLever
      ? ''
      : pkg.levelReviewFirst
        ? ' · lead with this, after the level review'
        : ' · lead with this';
  const unitMark = lever?.asks === 'stock' ? marks.byId(pkg.footnotes, 'stock-unit') : '';
  return [
    section(
      truncate(
        `*Lever ${script.number} of ${pkg.scripts.length} · ${escapeMrkdwn(script.name)}${unitMark}${lead}*\n${quote(escapeMrkdwn(script.text))}` +
          (script.ifAsked ? `\n_${escapeMrkdwn(script.ifAsked)}_` : ''),
        2900,
      ),
      `${blockPrefix}_${lever?.id ?? script.number}`,
    ),
    context(
      [`_Why it works:_ ${escapeMrkdwn(script.rationale)}`, ...changes.map((change) => escapeMrkdwn(change))].slice(
        0,
        10,
      ),
      `${blockPrefix}_${lever?.id ?? script.number}_math`,
    ),
  ];
}

/** The scripts in the order to use them (lead lever first). */
export function orderedScripts(pkg: AskPackage): LeverScript[] {
  const order = [pkg.leadLever, ...pkg.leverOrder.filter((n) => n !== pkg.leadLever)];
  return [...pkg.scripts].sort((a, b) => order.indexOf(a.number) - order.indexOf(b.number));
}
