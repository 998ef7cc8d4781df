import type { KnownBlock } from '@slack/types';
import type { AskPackage } from '../engine/ask/index.js';
import { describePosition, positionIn } from '../engine/bands.js';
import { formatMoney, formatPercent, formatRange } from '../engine/money.js';
import { isUnnamedCompany } from '../engine/offer/index.js';
import type { LoadedGuide } from '../guide/load.js';
import {
  bonusTargetText,
  FootnoteMarks,
  guideFiguresLine,
  orderedScripts,
  partsLine,
  planLines,
  premiumLines,
  scriptBlocks,
  signOnLine,
  warningLines,
} from './ask-package.js';
import {
  actions,
  button,
  context,
  divider,
  escapeMrkdwn,
  footnotes,
  header,
  type SlackMessage,
  section,
  table,
  truncate,
} from './blocks.js';
import { ACTIONS, withSuffix } from './ids.js';

/** The ask package for the chosen region (first) and every other region, for one competing offer. */
export interface OfferPrep {
  pkg: AskPackage;
  everywhere: AskPackage[];
  /** Interpretations to echo back ("170 read as $170,000"). */
  readAs: string[];
  /**
   * One button value per candidate of each confirmation: the same offer re-run with that reading. These answers go
   * to the person alone (DM or ephemeral), so the value may carry their figures; it never goes to a channel.
   */
  confirmValues?: string[][];
}

export interface OfferAnswerOptions {
  /** Who shared it (a Slack user id): the shared copy with figures. */
  sharedBy?: string;
  /** The person chose to share in a channel, and the share waits for the figures to be confirmed. */
  shareHeldBack?: boolean;
}

function tcLines(prep: OfferPrep): string {
  const offer = prep.pkg.offer;
  if (!offer) return '';
  const averaged = offer.equityPerYear?.source === 'rule' ? ', the grant averaged over its vest' : '';
  const leftOut = [
    offer.base && !offer.equityPerYear ? 'Equity is left out (none given): read as $0 a year.' : '',
    offer.base && !offer.bonus ? 'The bonus is left out (none given): read as $0.' : '',
  ].filter(Boolean);
  return (
    `*Annual TC:* ${formatMoney(offer.annualTc.value)} — ${escapeMrkdwn(offer.annualTc.math)}\n` +
    `*First-year TC:* ${formatMoney(offer.firstYearTc.value)} — ${escapeMrkdwn(offer.firstYearTc.math)}\n` +
    (leftOut.length > 0 ? `_${leftOut.join(' ')} Add it if there is one: it changes the ask._\n` : '') +
    `_Annual TC (a typical year${averaged}) is what the bands and the ask compare with; first-year TC is ` +
    "what lands in year one, with the sign-on and the first year's vest._"
  );
}

/** The mapping sentence with the Ally level in bold ("… maps to Ally's *Director of Product*"). */
function boldLevel(mapping: string, allyLevel: string): string {
  const plain = `Ally's ${allyLevel}`;
  return allyLevel ? mapping.replace(plain, () => `Ally's *${allyLevel}*`) : mapping;
}

function positionText(pkg: AskPackage): string {
  const tc = pkg.offer?.annualTc.value ?? 0;
  const pos = positionIn(pkg.region.band.totalComp, tc);
  if (pos.where === 'within') return `${formatPercent(pos.percentUp, 0)} up the band`;
  return describePosition(pos, 'the band', formatMoney);
}

function confirmationBlocks(prep: OfferPrep): KnownBlock[] {
  const { pkg } = prep;
  return pkg.confirmations.flatMap((confirmation, index) => {
    const values = prep.confirmValues?.[index] ?? [];
    const buttons = confirmation.candidates
      .map((candidate, c) =>
        values[c] === undefined
          ? undefined
          : button(`Yes: ${candidate.label}`, withSuffix(ACTIONS.confirmOffer, `${index}_${c}`), values[c]),
      )
      .filter((b) => b !== undefined);
    return [
      section(`:question: *Did you mean…?* ${escapeMrkdwn(confirmation.question)}`, `offer_confirm_${index}`),
      ...(buttons.length > 0 ? [actions(`offer_confirm_actions_${index}`, buttons)] : []),
    ];
  });
}

function heading(loaded: LoadedGuide, pkg: AskPackage, options: OfferAnswerOptions): string {
  const offer = pkg.offer;
  const { guide } = loaded;
  const company = offer ? offer.company : 'competing';
  return options.sharedBy
    ? `Offer prep · ${company} vs ${guide.company} ${pkg.region.shortName}`
    : `Your ${offer && isUnnamedCompany(offer) ? 'competing' : company} offer vs ${guide.company} · ${pkg.region.shortName}`;
}

/** The full answer to a competing offer, with the person's figures: their DM, or a copy they chose to share. */
export function buildOfferAnswer(loaded: LoadedGuide, prep: OfferPrep, options: OfferAnswerOptions = {}): SlackMessage {
  const { guide } = loaded;
  const { pkg } = prep;
  const offer = pkg.offer;
  const region = pkg.region;
  const marks = new FootnoteMarks();
  const blocks: KnownBlock[] = [header(truncate(heading(loaded, pkg, options), 150), 'offer_header')];
  if (options.sharedBy) {
    blocks.push(context([`Shared by <@${options.sharedBy}> for the team to discuss.`], 'offer_shared_by'));
  }
  if (prep.readAs.length > 0) {
    blocks.push(section(truncate(`_Read as:_ ${prep.readAs.map(escapeMrkdwn).join('; ')}`, 2900), 'offer_read_as'));
  }
  if (pkg.companyKind) {
    blocks.push(context([`_Kind of company:_ ${escapeMrkdwn(pkg.companyKind.reason)}`], 'offer_kind'));
  }

  if (pkg.needsConfirmation) {
    blocks.push(...confirmationBlocks(prep));
    blocks.push(
      context(
        [
          pkg.confirmations.every((confirmation) => confirmation.field === 'equity')
            ? 'No ask until you say whether the equity is a year or the whole grant: the ask depends on it.'
            : 'No ask until the figures are confirmed: an ask built on a slipped digit would cost you in the call.',
        ],
        'offer_confirm_why',
      ),
    );
    if (options.shareHeldBack) {
      blocks.push(
        context(
          [
            'Nothing was shared in the channel: a copy built on an unconfirmed figure could mislead the team. ' +
              'Confirm above for your own answer, then share it from the form again.',
          ],
          'offer_share_held',
        ),
      );
    }
    return {
      text: `Did you mean…? ${pkg.confirmations.map((c) => c.question).join(' ')}`,
      blocks,
    };
  }

  if (offer) blocks.push(section(tcLines(prep), 'offer_tc'));
  if (pkg.ask && offer) {
    blocks.push(
      table([
        ['Region', 'TC band', options.sharedBy ? 'The offer sits' : 'Your offer sits', 'Ask (TC)'],
        ...prep.everywhere.map((other) => [
          other.region.shortName,
          formatRange(other.region.band.totalComp),
          positionText(other),
          other.ask ? formatRange(other.ask.tc.value) : '—',
        ]),
      ]),
    );
  }
  const warnings = warningLines(pkg, new Set(['branchless-premium']));
  if (warnings) blocks.push(section(warnings, 'offer_warnings'));

  const parts = partsLine(pkg, marks);
  if (parts) {
    const signOn = signOnLine(pkg);
    blocks.push(
      section(
        `*What to ask for in ${escapeMrkdwn(region.shortName)}:* ${parts}${signOn ? `\n${signOn}` : ''}`,
        'offer_ask',
      ),
    );
  }
  const premiums = premiumLines(pkg, marks);
  if (premiums) blocks.push(section(premiums, 'offer_premiums'));
  blocks.push(section(planLines(guide, pkg), 'offer_plan'));
  const level = pkg.level;
  const levelText = level.mapping
    ? `*Level:* ${boldLevel(escapeMrkdwn(level.mapping), escapeMrkdwn(level.allyLevel ?? ''))} ${escapeMrkdwn(level.caveat)}`
    : level.unmapped
      ? `*Level:* ${escapeMrkdwn(level.peerTitle ?? '')} read as *${escapeMrkdwn(guide.levels.bandsCover)}* (not in the guide's level table). ${escapeMrkdwn(level.caveat)}`
      : `*Level:* ${escapeMrkdwn(level.caveat)}`;
  // Another level's warning already says the mapping and the caveat, word for word: not said twice.
  if (!pkg.warnings.some((warning) => warning.code === 'other-level'))
    blocks.push(context([truncate(levelText, 2900)], 'offer_level'));
  const guideLine = guideFiguresLine(guide, pkg, marks);
  if (guideLine) blocks.push(context([guideLine], 'offer_guide_figures'));

  blocks.push(divider());
  const said = new Set<string>();
  for (const script of orderedScripts(pkg))
    blocks.push(...scriptBlocks(guide, pkg, script, 'offer_lever', marks, said));
  blocks.push(...footnotes(marks.notes(), 'offer_footnotes'));
  blocks.push(
    context(
      [`*Sources:* ${guide.sources.map((source, index) => `${index + 1}. ${escapeMrkdwn(source.title)}`).join(' · ')}`],
      'offer_sources',
    ),
  );

  const text =
    offer && pkg.ask
      ? `${offer.company} offer: annual TC ${formatMoney(offer.annualTc.value)}; ask ${region.shortName} for ` +
        `${formatRange(pkg.ask.tc.value)} TC (base ${formatRange(pkg.ask.base.value)}, RSU ${formatRange(pkg.ask.rsuPerYear.value)} a year, ` +
        `${bonusTargetText(pkg)}).`
      : `${offer?.company ?? 'Your'} offer: ${pkg.warnings[0]?.text ?? `the ${region.shortName} levers`}`;
  return { text: truncate(text, 3000), blocks };
}
