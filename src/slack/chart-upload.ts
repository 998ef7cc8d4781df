import { type ChartInput, hasPersonalFigures, type RenderedChart } from '../chart/model.js';
import type { SlackMessage } from '../views/blocks.js';
import { buildChartFailedNote } from '../views/error-messages.js';
import type { DeliveryRun } from './delivery.js';
import { CLIENT_ERROR, httpStatusCode, slackErrorCode } from './errors.js';
import type { ChartOutcome } from './outcome.js';
import { ImageUploadError, uploadImage } from './upload-image.js';

/** Charts without an offer are the same for everyone: render each once. Offer charts are never kept. */
const sharedCharts = new Map<string, Promise<RenderedChart>>();

/** The renderer (and resvg's native module) loads on the first chart, not at start-up. */
async function renderChart(input: ChartInput): Promise<RenderedChart> {
  const { renderBandChartAsync } = await import('../chart/rasterise.js');
  return renderBandChartAsync(input);
}

/** Start drawing a shared chart now (while the answer's posts go out), so the upload need not wait for it. */
export function prepareChart(input: ChartInput): void {
  // A personal chart is not kept: drawing it now would only draw it twice.
  if (hasPersonalFigures(input)) return;
  render(input).catch(() => undefined);
}

function render(input: ChartInput): Promise<RenderedChart> {
  if (hasPersonalFigures(input)) return renderChart(input);
  const key = JSON.stringify(input);
  let chart = sharedCharts.get(key);
  if (!chart) {
    chart = renderChart(input);
    chart.catch(() => sharedCharts.delete(key));
    sharedCharts.set(key, chart);
  }
  return chart;
}

/**
 * Why an upload failed, as a short code for the note and the log. Slack's own error (missing_scope, …) when it
 * gave one; the web client's transport errors carry only its generic codes, so those become the HTTP status of
 * the upload URL (`http_500`) or `upload_unreachable` (a timeout or a refused connection).
 */
function uploadFailureCode(error: unknown): string {
  if (error instanceof ImageUploadError) return httpStatusCode(error) ?? error.code;
  const code = slackErrorCode(error);
  if (code === CLIENT_ERROR.http) return httpStatusCode(error) ?? 'http_error';
  if (code === CLIENT_ERROR.request) return 'upload_unreachable';
  return code ?? 'upload_failed';
}

/** What is said in the conversation when a chart cannot be attached: a note by its code, or nothing. */
export type ChartFailureNote = ((code: string) => SlackMessage) | null;

/**
 * Upload the band chart into a conversation or a thread (files:write); the file's id comes back for reuse. If it
 * cannot be attached, the answer has already gone out without it; the thread is told why, once, through the lane
 * (or, for a chart that is the whole answer, as its caller says: `failureNote`).
 */
export async function attachChart(
  run: Pick<DeliveryRun, 'uploader' | 'post'>,
  target: { channelId: string; threadTs?: string },
  input: ChartInput,
  failureNote: ChartFailureNote = buildChartFailedNote,
): Promise<ChartOutcome & { fileId?: string }> {
  let rendered = false;
  try {
    const chart = await render(input);
    rendered = true;
    // Our own three steps: the SDK's filesUploadV2 sends the alt text as alt_text, which Slack does not read.
    const fileId = await uploadImage(run.uploader, {
      bytes: chart.png,
      filename: 'allycomp-bands.png',
      title: input.title,
      altText: chart.altText,
      channelId: target.channelId,
      ...(target.threadTs ? { threadTs: target.threadTs } : {}),
    });
    return { attached: true, fileId };
  } catch (error) {
    const code = rendered ? uploadFailureCode(error) : 'render_failed';
    if (failureNote) await run.post(target.channelId, failureNote(code), target.threadTs).catch(() => undefined);
    return { attached: false, code };
  }
}
