/**
 * The real allycomp app in HTTP mode, configured from the environment the benchmark sets (SLACK_API_URL pointing at
 * the local Web API stub). Passing the bot's ids skips the auth.test call, as in the tests. The app is imported
 * dynamically so that each step of its start-up can be timed.
 */
import { serveBenchControl, startupClock } from './child-control.js';

const clock = startupClock();
const [{ createApp }, { readConfig }, { loadGuide }, { openStore }] = await Promise.all([
  import('../src/app.js'),
  import('../src/config.js'),
  import('../src/guide/load.js'),
  import('../src/store/open.js'),
]);
clock.lap('import app modules');
const config = readConfig(process.env);
clock.lap('read config');
const loaded = loadGuide(config.guidePath);
clock.lap('load guide');
// The store bench sets DATABASE_URL; otherwise the in-memory default, as in every other step.
const store = process.env.DATABASE_URL ? await openStore(process.env, { requireKey: false }) : undefined;
clock.lap('open store');
const allycomp = createApp(config, loaded, { botId: 'B0BENCH', botUserId: 'U0BENCH', store });
clock.lap('create app');
const { port } = await allycomp.start();
clock.lap('listen');
serveBenchControl(port ?? config.port, clock.laps, async () => {
  await allycomp.stop();
  await store?.close();
});
