/**
 * Upload an image with Slack's three steps ourselves, instead of WebClient.filesUploadV2:
 * - @slack/web-api 8.2.0 sends the alt text as `alt_text`, but files.getUploadURLExternal reads `alt_txt`, so the
 *   chart's description never reached Slack; here the request carries `alt_txt`.
 * - the bytes go to the upload URL raw (Slack accepts raw bytes or multipart), without the client's three copies
 *   (Uint8Array, Blob, Blob.stream()) of a ~100 KB PNG per upload.
 * Steps 1 and 3 stay on the WebClient (its token, base URL, timeout and retry policy).
 */
import type { WebClient } from '@slack/web-api';

export interface ImageToUpload {
  bytes: Uint8Array;
  filename: string;
  title: string;
  /** The screen-reader description (Slack limit: 1,000 characters, else alt_txt_too_large). */
  altText: string;
  /** Share into this channel (and thread); without it the file stays private to the bot. */
  channelId?: string;
  threadTs?: string;
}

/** Why the bytes did not reach the upload URL: its HTTP status, or no answer at all. */
export class ImageUploadError extends Error {
  constructor(
    readonly code: 'upload_http_error' | 'upload_unreachable',
    readonly statusCode?: number,
    options?: { cause?: unknown },
  ) {
    super(statusCode === undefined ? code : `${code} (${statusCode})`, options);
    this.name = 'ImageUploadError';
  }
}

export interface UploadTransport {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
}

const DEFAULT_TRANSPORT: UploadTransport = { fetch: (input, init) => globalThis.fetch(input, init), timeoutMs: 10_000 };

/** Returns the new file's id (for `slack_file: { id }` image blocks once Slack has processed it). */
export async function uploadImage(
  client: WebClient,
  image: ImageToUpload,
  transport: UploadTransport = DEFAULT_TRANSPORT,
): Promise<string> {
  const ticket = (await client.apiCall('files.getUploadURLExternal', {
    filename: image.filename,
    length: image.bytes.byteLength,
    alt_txt: image.altText,
  })) as { upload_url?: unknown; file_id?: unknown };
  if (typeof ticket.upload_url !== 'string' || typeof ticket.file_id !== 'string') {
    throw new ImageUploadError('upload_unreachable');
  }
  let response: Response;
  try {
    response = await transport.fetch(ticket.upload_url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: image.bytes,
      redirect: 'error',
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
  } catch (error) {
    throw new ImageUploadError('upload_unreachable', undefined, { cause: error });
  }
  await response.body?.cancel();
  if (response.status !== 200) throw new ImageUploadError('upload_http_error', response.status);
  const files: [{ id: string; title: string }] = [{ id: ticket.file_id, title: image.title }];
  await client.files.completeUploadExternal(
    image.channelId === undefined
      ? { files }
      : image.threadTs === undefined
        ? { files, channel_id: image.channelId }
        : { files, channel_id: image.channelId, thread_ts: image.threadTs },
  );
  return ticket.file_id;
}
