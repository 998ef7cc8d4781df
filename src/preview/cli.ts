/**
 * Terminal preview: `npm run preview -- <the words you would type after /allycomp>`.
 * It runs the same engine and view builders as the bot, so what it prints is what Slack would get;
 * `--json` prints one message's Block Kit payload as Block Kit Builder takes it (`{"blocks": [...]}`),
 * the first unless `--message N` picks another.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerCommand } from '../answers/answers.js';
import { chartFromWords } from '../answers/chart-input.js';
import { coachCardAnswer, readCoachRequest } from '../answers/coach.js';
import { offerAnswerFromWords } from '../answers/offer-flow.js';
import { renderBandChart } from '../chart/rasterise.js';
import { askDataFromWords } from '../engine/ask/index.js';
import { parseCommand } from '../engine/parse-command.js';
import { type LoadedGuide, loadGuide } from '../guide/load.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildConsentAnswered, buildConsentRequest, buildConsentSent } from '../views/coach-consent.js';
import { buildFormattedProblem, buildProblemMessage } from '../views/error-messages.js';
import { renderMessageForTerminal } from './terminal.js';

export interface PreviewOutput {
  messages: Array<{ label: string; message: SlackMessage }>;
}

export function preview(loaded: LoadedGuide, words: string[]): PreviewOutput {
  const parsed = parseCommand(loaded.guide, words.join(' '));
  const { intent } = parsed;
  if (intent.kind === 'offer') {
    return {
      messages: [
        {
          label: 'only you see this (a DM from allycomp)',
          message: offerAnswerFromWords(loaded, intent.words).message,
        },
      ],
    };
  }
  if (intent.kind === 'coach') return previewCoach(loaded, intent.words);
  const answer = answerCommand(loaded, parsed);
  if (!answer) {
    return {
      messages: [
        {
          label: 'only you see this',
          message: buildProblemMessage(`'${intent.kind}' needs Slack; try it with /allycomp.`),
        },
      ],
    };
  }
  const audience = answer.onlyToRequester ? 'only you see this' : 'posted in the channel';
  if (answer.onlyToRequester) return { messages: [{ label: audience, message: answer.standalone }] };
  return {
    messages: [
      { label: audience, message: answer.message },
      ...answer.thread.map((message, index) => ({
        label: `thread reply ${index + 1} of ${answer.thread.length}`,
        message,
      })),
    ],
  };
}

/** Who the preview's coach and teammate are: Slack shows a mention `<@U…|name>` by its name. */
const PREVIEW_COACH = '<@UPREVIEWYOU|you>';

/** `coach [@teammate] <region>`: a named teammate is asked first; the card follows once they accept. */
function previewCoach(loaded: LoadedGuide, words: string[]): PreviewOutput {
  // In a terminal nobody can pick a person from Slack's @-list: a typed @name stands for that person.
  const typed = words.find((word) => /^@\w[\w.-]*$/.test(word));
  const mentioned = words.map((word) => (word === typed ? `<@UPREVIEWMATE|${word.slice(1)}>` : word));
  const request = readCoachRequest(loaded, mentioned);
  if (!request.ok)
    return { messages: [{ label: 'only you see this', message: buildFormattedProblem(request.problem) }] };
  const coachId = 'UPREVIEWYOU';
  const state = {
    regionId: request.region.id,
    coachId,
    ticks: {},
    ...(request.teammateId ? { teammateId: request.teammateId } : {}),
  };
  const answer = coachCardAnswer(loaded, state);
  const thread = answer.thread.map((message, index) => ({
    label: `thread reply ${index + 1} of ${answer.thread.length}`,
    message,
  }));
  if (!request.teammateId) {
    const messages = [{ label: 'posted in the channel', message: answer.card }, ...thread];
    return { messages: messages.map(({ label, message }) => ({ label, message: named(message, typed) })) };
  }
  const consent = { regionId: request.region.id, coachId, teammateId: request.teammateId, channelId: 'CPREVIEW' };
  const name = typed ?? '@teammate';
  return {
    messages: [
      { label: `only ${name} sees this (a DM from allycomp)`, message: buildConsentRequest(loaded.guide, consent) },
      { label: 'only you see this', message: buildConsentSent(loaded.guide, consent) },
      { label: `in ${name}'s DM, once they accept`, message: buildConsentAnswered(loaded.guide, consent, 'accepted') },
      { label: `posted in the channel once ${name} accepts`, message: answer.card },
      ...thread,
    ].map(({ label, message }) => ({ label, message: named(message, typed) })),
  };
}

/** The preview's placeholder ids shown as names, the way Slack shows a mention. */
function named(message: SlackMessage, typed: string | undefined): SlackMessage {
  const mate = `<@UPREVIEWMATE|${(typed ?? '@teammate').slice(1)}>`;
  const json = JSON.stringify(message)
    .replaceAll('<@UPREVIEWYOU>', PREVIEW_COACH)
    .replaceAll('<@UPREVIEWMATE>', mate)
    .replaceAll('<#CPREVIEW>', '<#CPREVIEW|this-channel>');
  return JSON.parse(json) as SlackMessage;
}

/** `chart [region] [offer words] --out file.png`: writes the same PNG the bot uploads. */
function writeChart(loaded: LoadedGuide, words: string[], out: string | undefined): number {
  const parsed = parseCommand(loaded.guide, words.join(' '));
  if (parsed.intent.kind !== 'chart') return 1;
  const request = chartFromWords(loaded.guide, parsed.intent.region, parsed.intent.words);
  if (!request.ok) {
    process.stderr.write(`Could not draw that chart: ${request.problem}\n`);
    return 1;
  }
  const chart = renderBandChart(request.input);
  const file = resolve(out ?? 'band.png');
  writeFileSync(file, chart.png);
  process.stdout.write(`Wrote ${file} (${chart.width}×${chart.height} PNG).\nAlt text: ${chart.altText}\n`);
  return 0;
}

/**
 * `offer <words> --data` and `<region> --data`: the one ask package as a JSON object (README, "The --data
 * object"). Input errors print `{ "error": … }` and exit non-zero, so scripts can tell them apart.
 */
export function askDataOutput(loaded: LoadedGuide, words: string[]): { json: string; exitCode: number } {
  const [head, ...rest] = words;
  const mode = head?.toLowerCase() === 'offer' ? 'offer' : 'region';
  const data = askDataFromWords(loaded.guide, mode, mode === 'offer' ? rest : words);
  return { json: `${JSON.stringify(data, null, 2)}\n`, exitCode: 'error' in data ? 1 : 0 };
}

/** `--json [--message N]`: one message as Block Kit Builder takes it; which one and how many go to stderr. */
export function builderJson(
  output: PreviewOutput,
  pick: string | undefined,
): { stdout: string; stderr: string; code: number } {
  const count = output.messages.length;
  const index = pick === undefined ? 1 : Number(pick);
  const chosen = Number.isInteger(index) ? output.messages[index - 1] : undefined;
  if (!chosen) {
    return {
      stdout: '',
      stderr: `--message takes a number from 1 to ${count}: this answer has ${count} message(s).\n`,
      code: 1,
    };
  }
  const next = count > 1 ? `; --message N (1 to ${count}) picks another` : '';
  return {
    stdout: `${JSON.stringify({ blocks: chosen.message.blocks }, null, 2)}\n`,
    stderr: `Message ${index} of ${count} (${chosen.label})${next}.\n`,
    code: 0,
  };
}

function printJson(output: PreviewOutput, pick: string | undefined): number {
  const printed = builderJson(output, pick);
  process.stdout.write(printed.stdout);
  process.stderr.write(printed.stderr);
  return printed.code;
}

/** The value after a flag, and the words with the flag and its value taken out. */
function takeFlag(words: string[], flag: string): { value?: string; rest: string[] } {
  const at = words.indexOf(flag);
  if (at < 0) return { rest: words };
  return { value: words[at + 1], rest: words.filter((_, index) => index !== at && index !== at + 1) };
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  if (argv.includes('--data')) {
    let guideForData: LoadedGuide;
    try {
      guideForData = loadGuide(process.env.ALLYCOMP_GUIDE || undefined);
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ error: { message: (error as Error).message, problems: [] } })}\n`);
      return 1;
    }
    const output = askDataOutput(
      guideForData,
      argv.filter((word) => word !== '--data'),
    );
    process.stdout.write(output.json);
    return output.exitCode;
  }
  const { value: out, rest: afterOut } = takeFlag(argv, '--out');
  const { value: pick, rest } = takeFlag(afterOut, '--message');
  const words = rest.filter((word) => word !== '--json');
  let loaded: LoadedGuide;
  try {
    loaded = loadGuide(process.env.ALLYCOMP_GUIDE || undefined);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (words[0]?.toLowerCase() === 'chart') return writeChart(loaded, words, out);
  const output = preview(loaded, words);
  if (json) return printJson(output, pick);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  for (const { label, message } of output.messages) {
    process.stdout.write(`\n── ${label} ${'─'.repeat(Math.max(0, 96 - label.length))}\n`);
    process.stdout.write(`${renderMessageForTerminal(message, { color, width: 100 })}\n`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(process.argv.slice(2));
}
