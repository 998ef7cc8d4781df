import { describe, expect, it } from 'vitest';
import { loadGuide } from '../../src/guide/load.js';
import { builderJson, preview } from '../../src/preview/cli.js';
import { renderMessageForTerminal } from '../../src/preview/terminal.js';
import { runPreviewScript } from '../support/preview-script.js';

const loaded = loadGuide();

function printed(words: string[]): string {
  return preview(loaded, words)
    .messages.map(({ label, message }) => `${label}\n${renderMessageForTerminal(message, { width: 200 })}`)
    .join('\n');
}

describe('npm run preview', () => {
  it("ny: New York's band, its target and the four levers with New York's numbers, in one thread reply", () => {
    const output = preview(loaded, ['ny']);
    expect(output.messages.map((m) => m.label)).toEqual(['posted in the channel', 'thread reply 1 of 1']);
    const text = printed(['ny']);
    expect(text).toMatch(/Base\s+\$151K\s+\$198K/);
    expect(text).toMatch(/RSU \/ yr¹\s+\$33K\s+\$61K/);
    expect(text).toContain('¹ The guide heads its stock column "RSU/4yr"');
    expect(text).toMatch(/Bonus\s+\$31K\s+\$50K/);
    expect(text).toMatch(/Total comp\s+\$215K\s+\$309K/);
    expect(text).toContain('target $285K–$309K');
    // The scripts say the opening (the top end and its parts); the floor is shown to the person, not said.
    expect(text).toContain('base salary at $198K');
    expect(text).toContain('RSU component increased to $61K a year');
    expect(text).toContain('total comp to $309K');
    expect(text).toContain('bonus target increased to 25%');
    expect(text).toContain("Your floor (don't say it): $285K TC");
  });

  it.each([
    [['detroit'], 'base salary at $168K'],
    [['all'], 'Charlotte'],
    [['levers', 'charlotte'], 'base salary at $176K'],
    [['levels'], 'VP, Product Management'],
    [['premiums'], '$10K–$18K'],
    [['sources'], 'Bureau of Labor Statistics'],
    [['help'], '/allycomp offer SoFi 245k detroit'],
    [['offer', 'SoFi', '245k', 'detroit'], '$255K–$262K'],
    [
      ['offer', '--company', 'SoFi', '--base', '170k', '--stock', '40k', '--bonus', '15%', '--region', 'detroit'],
      'Annual TC',
    ],
  ])('%j', (words, expected) => {
    expect(printed(words)).toContain(expected);
  });

  it('unknown words give the same helpful error the bot gives', () => {
    const output = preview(loaded, ['atlanta']);
    expect(output.messages[0]?.label).toBe('only you see this');
    expect(output.messages[0]?.message.text).toBe(
      "'atlanta' is not a region; try detroit, charlotte or ny. /allycomp help lists every command.",
    );
  });

  it('coach renders the card; a named teammate is asked first, and the card follows once they accept', () => {
    expect(preview(loaded, ['coach', 'ny']).messages.map((m) => m.label)).toEqual([
      'posted in the channel',
      'thread reply 1 of 2',
      'thread reply 2 of 2',
    ]);
    const group = printed(['coach', 'ny']);
    expect(group).toContain('Negotiation prep for this channel (group session)');
    expect(group).not.toContain('needs Slack');
    const named = preview(loaded, ['coach', '@sam', 'detroit']).messages;
    expect(named[0]?.label).toBe('only @sam sees this (a DM from allycomp)');
    expect(named[3]?.label).toBe('posted in the channel once @sam accepts');
    const text = printed(['coach', '@sam', 'detroit']);
    expect(text).toContain('@you would like to prepare a pay negotiation with you in #this-channel');
    expect(text).toContain('Negotiation prep for @sam · Detroit');
    expect(printed(['coach'])).toContain('Which region?');
  });

  it('--json prints one message as Block Kit Builder takes it ({"blocks": [...]}); --message N picks which', () => {
    const output = preview(loaded, ['charlotte']);
    const first = builderJson(output, undefined);
    const payload = JSON.parse(first.stdout) as { blocks: Array<{ type: string }> };
    expect(Object.keys(payload)).toEqual(['blocks']);
    expect(payload.blocks.some((block) => block.type === 'table')).toBe(true);
    expect(JSON.stringify(payload.blocks)).toContain('Total comp²');
    expect(first.stderr).toBe('Message 1 of 2 (posted in the channel); --message N (1 to 2) picks another.\n');
    const second = JSON.parse(builderJson(output, '2').stdout) as { blocks: unknown[] };
    expect(JSON.stringify(second.blocks)).toContain('Lever 1 of 4');
    for (const bad of ['9', '0', 'two']) {
      expect(builderJson(output, bad)).toMatchObject({ code: 1, stdout: '' });
      expect(builderJson(output, bad).stderr).toContain('--message takes a number from 1 to 2');
    }
  });

  it('--json --message from the command line: stdout is the payload alone', async () => {
    const { stdout, stderr } = await runPreviewScript(['charlotte', '--json', '--message', '2']);
    expect(Object.keys(JSON.parse(stdout) as object)).toEqual(['blocks']);
    expect(stderr).toContain('Message 2 of 2 (thread reply 1 of 1)');
  }, 60_000);
});

describe('npm run preview -- … --data', () => {
  it('offer words: the one ask package as JSON, whole dollars, the guide example exact', async () => {
    const { askDataOutput } = await import('../../src/preview/cli.js');
    const output = askDataOutput(loaded, ['offer', 'SoFi', '245k', 'detroit']);
    expect(output.exitCode).toBe(0);
    const data = JSON.parse(output.json);
    expect(data.region).toBe('detroit');
    expect(data.offer).toMatchObject({ company: 'SoFi', annualTc: 245_000, signOn: null });
    expect(data.ask.tc).toEqual({ low: 255_000, high: 262_000 });
    expect(data.walkAway).toBe(245_000);
    expect(data.needsConfirmation).toBe(false);
  });

  it('a region alone: no offer, the negotiate-up target', async () => {
    const { askDataOutput } = await import('../../src/preview/cli.js');
    const data = JSON.parse(askDataOutput(loaded, ['ny']).json);
    expect(data.offer).toBeUndefined();
    expect(data.ask.tc).toEqual({ low: 285_000, high: 309_000 });
  });

  it('bad input: { error } and a non-zero exit, through the real script', async () => {
    const failed = await runPreviewScript(['offer', 'SoFi', 'detroit', '--data']).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).error.problems[0].field).toBe('base');
  });
});
