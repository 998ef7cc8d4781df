/**
 * Request bodies as @slack/web-api sends them: application/x-www-form-urlencoded with objects (blocks, files,
 * attachments, view) as JSON strings, multipart/form-data when an argument is a Buffer (the upload step), or JSON
 * (what other clients and Slack's docs also accept).
 */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls']);

export interface ParsedBody {
  args: Record<string, unknown>;
  /** The bytes of the first file part (multipart) or the whole raw body (raw upload). */
  file?: Buffer;
  encoding: 'form' | 'json' | 'multipart' | 'raw' | 'empty';
}

function maybeJson(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function parseMultipart(raw: Buffer, boundary: string): ParsedBody {
  const args: Record<string, unknown> = {};
  let file: Buffer | undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
      if (/filename="/.test(headers)) file ??= Buffer.from(content);
      else args[name] = maybeJson(name, content.toString('utf8'));
    }
    start = next;
  }
  return { args, ...(file ? { file } : {}), encoding: 'multipart' };
}

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) return { args: {}, encoding: 'empty' };
  if (type.startsWith('application/json')) {
    const parsed = JSON.parse(raw.toString('utf8')) as unknown;
    return {
      args: typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
      encoding: 'json',
    };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const args: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) args[key] = maybeJson(key, value);
    return { args, encoding: 'form' };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (type.startsWith('multipart/form-data') && boundary) return parseMultipart(raw, boundary[1] ?? boundary[2] ?? '');
  return { args: {}, file: raw, encoding: 'raw' };
}
