import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SocketStatus, socketFailureReason } from '../../src/slack/socket-status.js';

describe('socketFailureReason', () => {
  it('gives a short code, never the message text', () => {
    expect(socketFailureReason({ code: 'slack_webapi_platform_error', data: { error: 'invalid_auth' } })).toBe(
      'invalid_auth',
    );
    expect(socketFailureReason({ code: 'slack_webapi_http_error', statusCode: 502 })).toBe('http_502');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9 xapp-secret'), { code: 'ECONNREFUSED' });
    expect(
      socketFailureReason({
        code: 'slack_webapi_request_error',
        original: new TypeError('fetch failed', { cause: refused }),
      }),
    ).toBe('ECONNREFUSED');
    expect(socketFailureReason(new Error('xapp-1-secret in a message'))).toBe('unknown');
  });
});

describe('SocketStatus', () => {
  it('is ready only between hello and the next drop, and logs each change once', () => {
    const client = new EventEmitter();
    const log: string[] = [];
    const status = new SocketStatus(client, (event, fields) => log.push(fields ? `${event}:${fields.reason}` : event));
    expect(status.ready).toBe(false);
    client.emit('connecting');
    client.emit('authenticated', {});
    expect(status.ready).toBe(false);
    client.emit('connected');
    expect(status.ready).toBe(true);
    client.emit('ws_message', '{"type":"disconnect","reason":"link_disabled"}', false);
    client.emit('close');
    client.emit('disconnected');
    expect(status.ready).toBe(false);
    client.emit('reconnecting');
    expect(log).toEqual([
      'socket_connecting',
      'socket_connected',
      'socket_failed:disconnect_link_disabled',
      'socket_down',
      'socket_connecting',
    ]);
  });
});
