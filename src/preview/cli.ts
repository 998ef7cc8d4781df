/**
 * Terminal preview: `npm run preview -- <the words you would type after /allycomp>`.
 * It runs the same engine and view builders as the bot, so what it prints is what Slack would get;
 * `--json` prints the exact Block Kit payload instead (paste `blocks` into Slack's Block Kit Builder).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerCommand } from '../answers/answers.js';
import { chartFromWords } from '../answers/chart-input.js';
import { offerAnswerFromWords } from '../answers/offer-flow.js';
import { renderBandChart } from '../chart/rasterise.js';
import { parseCommand } from '../engine/parse-command.js';
import { type LoadedGuide, loadGuide } from '../guide/load.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildProblemMessage } from '../views/error-messages.js';
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

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  const words = argv.filter(
    (word, index) => word !== '--json' && index !== outAt && (outAt < 0 || index !== outAt + 1),
  );
  let loaded: LoadedGuide;
  try {
    loaded = loadGuide(process.env.ALLYCOMP_GUIDE || undefined);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (words[0]?.toLowerCase() === 'chart') return writeChart(loaded, words, out);
  const output = preview(loaded, words);
  if (json) {
    const payloads = output.messages.map(({ label, message }) => ({
      label,
      text: message.text,
      blocks: message.blocks,
    }));
    process.stdout.write(`${JSON.stringify(payloads.length === 1 ? payloads[0] : payloads, null, 2)}\n`);
    return 0;
  }
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
