/**
 * The Web API stub in a process of its own (`startStubProcess` spawns it): its work answering the apps' calls is
 * then charged to neither the app under test nor the load generator. It reports its port, then answers the parent's
 * requests for its counts over Node IPC.
 */
import { startSlackStub } from './slack-stub.js';
import type { StubReply, StubRequest } from './stub-process.js';

const stub = await startSlackStub();
const send = (reply: StubReply) => process.send?.(reply);
process.on('message', (request: StubRequest) => {
  if (request.type === 'counts')
    send({ type: 'counts', id: request.id, calls: stub.snapshot(), responses: stub.responses() });
  if (request.type === 'hold') {
    stub.holdPosts(request.on);
    send({ type: 'held', id: request.id });
  }
});
// The parent died or let go of us: do not linger as an orphan.
process.on('disconnect', () => void stub.close().finally(() => process.exit(0)));
send({ type: 'ready', port: stub.port });
