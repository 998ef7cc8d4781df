type Fetch = typeof globalThis.fetch;

/**
 * The Web API client logs Slack's `response_metadata.messages` word for word ("[ERROR] …" at error level), and
 * Slack's words can quote what was sent: a person's text, a figure. This fetch hands the client each JSON answer
 * without those messages; the error code (`error`) and the warning codes (`warnings`) stay, and are what allycomp
 * logs and acts on.
 */
export function withoutSlackMessages(base: Fetch): Fetch {
  return async (input, init) => {
    const response = await base(input, init);
    // Slack's answers with messages come as 200 with `ok: false`; a 429 or 5xx is left alone for the retry logic.
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('application/json')) return response;
    let text: string;
    try {
      text = await response.clone().text();
    } catch {
      return response;
    }
    if (!text.includes('"messages"')) return response;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return response;
    }
    const metadata = (body as { response_metadata?: unknown } | null)?.response_metadata;
    if (!metadata || typeof metadata !== 'object' || !('messages' in metadata)) return response;
    delete (metadata as { messages?: unknown }).messages;
    await response.body?.cancel();
    return new Response(JSON.stringify(body), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
