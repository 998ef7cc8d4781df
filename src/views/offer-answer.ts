import type { KnownBlock } from '@slack/types';
import type { Ask } from '../engine/asks.js';
import { type BandPosition, describePosition, notesFor } from '../engine/bands.js';
import type { Explained } from '../engine/explained.js';
import { formatMoney, formatPercent, formatRange } from '../engine/money.js';
import type { OfferAnalysis } from '../engine/offer-analysis.js';
import { isUnnamedCompany } from '../engine/offers.js';
import { renderLevers } from '../engine/scripts.js';
import type { LoadedGuide } from '../guide/load.js';
import { context, divider, escapeMrkdwn, footnotes, header, type SlackMessage, section, table } from './blocks.js';
import { leverBlocks } from './region.js';

export interface OfferAnswerOptions {
  /** false: the shared copy shows positions and percentages, never the person's dollar figures. */
  showFigures: boolean;
  /** Who shared it, for the shared copy's heading (a Slack user id). */
  sharedBy?: string;
}

const HIDDEN = 'private';

function money(figure: Explained | undefined, options: OfferAnswerOptions): string {
  if (!figure) return HIDDEN;
  return !options.showFigures && figure.personal ? HIDDEN : formatMoney(figure.value);
}

function range(figure: Explained<{ low: number; high: number }>, options: OfferAnswerOptions): string {
  return !options.showFigures && figure.personal ? 'private' : formatRange(figure.value);
}

const QUARTERS = ['bottom quarter', 'second quarter', 'third quarter', 'top quarter'];

/**
 * Where the offer sits in a band. Without figures only the quarter is given: an exact percentage up three known
 * bands would let anyone work the offer back out to the nearest $1K.
 */
function position(pos: BandPosition, options: OfferAnswerOptions): string {
  if (!options.showFigures) {
    if (pos.where !== 'within') return pos.where === 'above' ? 'above the band' : 'below the band';
    return `${QUARTERS[Math.min(3, Math.floor(pos.percentUp / 25))]} of the band`;
  }
  if (pos.where === 'within') return `${formatPercent(pos.percentUp, 0)} up the band`;
  return describePosition(pos, 'the band', formatMoney);
}

function askSummary(ask: Ask, options: OfferAnswerOptions): string {
  return (
    `TC *${range(ask.tc, options)}* · base *${money(ask.base, options)}* · RSU *${range(ask.stock, options)}*/yr · ` +
    `bonus target *${!options.showFigures && ask.bonusPercent.personal ? 'private' : formatPercent(ask.bonusPercent.value)}*`
  );
}

function tcLines(analysis: OfferAnalysis, options: OfferAnswerOptions): string {
  const { offer } = analysis;
  if (!options.showFigures) {
    return '_Dollar figures are kept private in this shared copy; positions and percentages only._';
  }
  const averaged = offer.equityPerYear?.source === 'rule' ? ', the grant averaged over its vest' : '';
  return (
    `*Annual TC:* ${formatMoney(offer.annualTc.value)} — ${escapeMrkdwn(offer.annualTc.math)}\n` +
    `*First-year TC:* ${formatMoney(offer.firstYearTc.value)} — ${escapeMrkdwn(offer.firstYearTc.math)}\n` +
    `_Annual TC (a typical year${averaged}) is what the bands and the asks below compare with; first-year TC is ` +
    "what lands in year one, with the sign-on and the first year's vest._"
  );
}

function aboveBandText(ask: Ask, loaded: LoadedGuide, options: OfferAnswerOptions): string | undefined {
  if (!ask.aboveBand) return undefined;
  const { guide } = loaded;
  const claimable = guide.premiums.reduce((sum, premium) => sum + premium.range.high, 0);
  const by = options.showFigures ? `${formatMoney(ask.aboveBand.by)} ` : '';
  const region = escapeMrkdwn(ask.region.shortName);
  return (
    `:warning: *This offer is ${by}above ${region}'s published band* (top ${formatMoney(ask.aboveBand.bandTop)}): ` +
    `the guide has no figures above it. What the guide suggests for ${region}: _${escapeMrkdwn(ask.aboveBand.strategy)}_ ` +
    'The offer already beats that, so the total-comp ask is to match it (below), and the case rests on the ' +
    `premiums that apply to you (up to ${formatMoney(claimable)} for all four) and on the level: the bands are for ` +
    `${escapeMrkdwn(guide.levels.bandsCover)} only, and an offer this high may be for a more senior role.`
  );
}

export function buildOfferAnswer(
  loaded: LoadedGuide,
  analysis: OfferAnalysis,
  options: OfferAnswerOptions,
): SlackMessage {
  const { guide, notes } = loaded;
  const { offer, region } = analysis;
  const company = escapeMrkdwn(offer.company);
  const chosenAsk = analysis.asks[0] as Ask;
  const blocks: KnownBlock[] = [
    header(
      options.sharedBy
        ? `Offer prep · ${offer.company} vs ${guide.company} ${region.shortName}`
        : `Your ${isUnnamedCompany(offer) ? 'competing' : offer.company} offer vs ${guide.company} · ${region.shortName}`,
      'offer_header',
    ),
  ];
  if (options.sharedBy) {
    blocks.push(context([`Shared by <@${options.sharedBy}> for the team to discuss.`], 'offer_shared_by'));
  }
  blocks.push(section(tcLines(analysis, options), 'offer_tc'));
  blocks.push(
    table([
      ['Region', 'TC band', options.sharedBy ? 'The offer sits' : 'Your offer sits', 'Ask (TC)'],
      ...analysis.positions.map((pos, index) => {
        const ask = analysis.asks[index] as Ask;
        return [
          pos.region.shortName,
          formatRange(pos.region.band.totalComp),
          position(pos.tc, options),
          range(ask.tc, options),
        ];
      }),
    ]),
  );
  const above = aboveBandText(chosenAsk, loaded, options);
  if (above) blocks.push(section(above, 'offer_above_band'));
  const others = analysis.asks
    .slice(1)
    .map((ask) => `• ${escapeMrkdwn(ask.region.shortName)}: ${askSummary(ask, options)}`)
    .join('\n');
  blocks.push(
    section(
      `*What to ask for in ${escapeMrkdwn(region.shortName)}:* ${askSummary(chosenAsk, options)}\n` +
        `_In the other regions:_\n${others}`,
      'offer_ask',
    ),
  );

  const premiumLines = analysis.premiums.claims.map(
    (claim) =>
      `• *${escapeMrkdwn(claim.premium.name)}* ${formatRange(claim.premium.range)} — ${escapeMrkdwn(claim.premium.case)}`,
  );
  const premiumText =
    premiumLines.length > 0
      ? `*Premiums you can claim:* ${formatRange(analysis.premiums.total.value)} in all (${escapeMrkdwn(analysis.premiums.total.math)})\n${premiumLines.join('\n')}`
      : '*Premiums:* you ticked none. The four Ally.ai premiums are worth ' +
        `${formatRange({ low: guide.premiums.reduce((s, p) => s + p.range.low, 0), high: guide.premiums.reduce((s, p) => s + p.range.high, 0) })} together; \`/allycomp premiums\` lists them.`;
  blocks.push(section(premiumText, 'offer_premiums'));
  if (analysis.branchless) {
    const { branchless } = analysis;
    blocks.push(
      section(
        `*Branchless premium:* ${company} is a traditional bank, and the guide says Ally PM pay should exceed it by ` +
          `${formatPercent(branchless.percent.low)}–${formatPercent(branchless.percent.high)}` +
          (options.showFigures
            ? `: ${formatRange(branchless.premium.value)} on your offer, an Ally TC of ${formatRange(branchless.impliedTc.value)}.`
            : '.'),
        'offer_branchless',
      ),
    );
  }
  const level = analysis.level;
  const levelText = level.allyLevel
    ? `*Level:* ${escapeMrkdwn(level.peerTitle ?? '')}${level.peer ? ` at ${escapeMrkdwn(level.peer)}` : ''} maps to Ally's *${escapeMrkdwn(level.allyLevel)}*. ${escapeMrkdwn(level.caveat)}`
    : `*Level:* ${escapeMrkdwn(level.caveat)}`;
  blocks.push(context([levelText], 'offer_level'));

  blocks.push(divider());
  const levers = options.showFigures ? analysis.levers : renderLevers(guide, chosenAsk, { hidePersonal: true });
  for (const rendered of levers) {
    const [script, math] = leverBlocks(rendered, levers.length, 'offer_lever');
    // The math under each script quotes the person's figures: left out of a copy shared without them.
    blocks.push(...[script, options.showFigures ? math : undefined].filter((block) => block !== undefined));
  }
  blocks.push(
    ...footnotes(
      [
        ...notesFor(notes, region.id, ['band', 'levers']),
        // The premiums note works the percentage out in dollars on the guide's example offer: only beside the
        // dollar figures it explains, never in a copy shared without them.
        ...(analysis.branchless && options.showFigures ? notesFor(notes, undefined, ['premiums']) : []),
      ],
      'offer_footnotes',
    ),
  );
  blocks.push(
    context(
      [`*Sources:* ${guide.sources.map((source, index) => `${index + 1}. ${escapeMrkdwn(source.title)}`).join(' · ')}`],
      'offer_sources',
    ),
  );

  const text = options.showFigures
    ? `${offer.company} offer: annual TC ${formatMoney(offer.annualTc.value)}; ask ${region.shortName} for ${formatRange(chosenAsk.tc.value)} TC.`
    : `Offer prep for ${region.shortName}: where a ${offer.company} offer sits in ${guide.company}'s bands, and the four lever scripts.`;
  return { text, blocks };
}
