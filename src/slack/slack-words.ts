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
    if (!response.headers.get('content-type')?.includes('application/json')) return response;
    const text = await response.clone().text();
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
