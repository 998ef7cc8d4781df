/**
 * A fake Socket Mode endpoint on 127.0.0.1: a minimal WebSocket server (RFC 6455 handshake, unfragmented text
 * frames, ping/pong, close) that says `hello` when told to, can send envelopes, a `disconnect` message, or drop the
 * connection, and records what the app sends back (acks). Pair it with the fake Web API's `socketUrl`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface FakeSocket {
  url: string;
  /** Messages the app sent (parsed JSON), e.g. envelope acks. */
  received: Record<string, unknown>[];
  /** Open connections right now. */
  readonly connections: number;
  /** Say hello on every open connection and on each new one (the default); `false`: stay silent. */
  helloOnConnect: boolean;
  send(message: Record<string, unknown>): void;
  /** Slack's `disconnect` message (e.g. reason `refresh_requested`). */
  disconnect(reason: string): void;
  /** Cut every connection without a close frame (a network failure). */
  drop(): void;
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}

function bigLength(length: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}

/** Read whole client frames (always masked) off the front of `buffer`; returns the rest. */
function readFrames(buffer: Buffer, onFrame: (opcode: number, payload: Buffer) => void): Buffer {
  let rest = buffer;
  for (;;) {
    if (rest.length < 2) return rest;
    const opcode = (rest[0] ?? 0) & 0x0f;
    let length = (rest[1] ?? 0) & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (rest.length < 4) return rest;
      length = rest.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (rest.length < 10) return rest;
      length = Number(rest.readBigUInt64BE(2));
      offset = 10;
    }
    const masked = ((rest[1] ?? 0) & 0x80) !== 0;
    const maskLength = masked ? 4 : 0;
    if (rest.length < offset + maskLength + length) return rest;
    const mask = rest.subarray(offset, offset + maskLength);
    const payload = Buffer.from(rest.subarray(offset + maskLength, offset + maskLength + length));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    onFrame(opcode, payload);
    rest = rest.subarray(offset + maskLength + length);
  }
}

export async function startFakeSocket(): Promise<FakeSocket> {
  const sockets = new Set<Duplex>();
  const received: Record<string, unknown>[] = [];
  const server = createServer((_req, res) => res.writeHead(426).end());
  const sendTo = (socket: Duplex, message: Record<string, unknown>) =>
    socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  const fake: FakeSocket = {
    url: '',
    received,
    get connections() {
      return sockets.size;
    },
    helloOnConnect: true,
    send: (message) => {
      for (const socket of sockets) sendTo(socket, message);
    },
    disconnect: (reason) => fake.send({ type: 'disconnect', reason, debug_info: { host: 'fake' } }),
    drop: () => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        fake.drop();
        server.close(() => resolve());
      }),
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(`${key}${WEBSOCKET_GUID}`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.add(socket);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = readFrames(Buffer.concat([pending, chunk]), (opcode, payload) => {
        if (opcode === 0x1) received.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
        else if (opcode === 0x9) socket.write(frame(0xa, payload));
        else if (opcode === 0x8) {
          socket.end(frame(0x8, payload));
          sockets.delete(socket);
        }
      });
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    if (fake.helloOnConnect) sendTo(socket, { type: 'hello', num_connections: 1, debug_info: { host: 'fake' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  return fake;
}
