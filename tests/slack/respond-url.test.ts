import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { postToResponseUrl, type ResponseUrlMessage } from '../../src/slack/respond-url.js';

const HOOKS = 'https://hooks.slack.com';
const message: ResponseUrlMessage = { response_type: 'ephemeral', text: 'hi', blocks: [] };

afterEach(() => {
  nock.cleanAll();
});

describe('the one response_url poster', () => {
  it('posts the message as JSON and says whether Slack took it', async () => {
    let body: unknown;
    nock(HOOKS)
      .post('/actions/T1/1/abc', (sent) => {
        body = sent;
        return true;
      })
      .matchHeader('content-type', 'application/json')
      .reply(200, 'ok');
    expect(await postToResponseUrl(`${HOOKS}/actions/T1/1/abc`, { ...message, replace_original: false })).toBe(true);
    expect(body).toEqual({ response_type: 'ephemeral', replace_original: false, text: 'hi', blocks: [] });
  });

  it('answers false, never throws, when the URL has expired or cannot be reached', async () => {
    nock(HOOKS).post('/actions/T1/1/expired').reply(404, 'expired_url');
    expect(await postToResponseUrl(`${HOOKS}/actions/T1/1/expired`, message)).toBe(false);
    nock(HOOKS).post('/actions/T1/1/down').replyWithError({ code: 'ECONNRESET' });
    expect(await postToResponseUrl(`${HOOKS}/actions/T1/1/down`, message)).toBe(false);
  });
});
