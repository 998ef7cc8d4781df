import type { WebClient } from '@slack/web-api';
import type { ChartInput, RenderedChart } from '../chart/model.js';
import { buildChartFailedNote } from '../views/error-messages.js';
import { CLIENT_ERROR, slackErrorCode } from './errors.js';
import type { ChartOutcome } from './outcome.js';

/** Charts without an offer are the same for everyone: render each once. Offer charts are never kept. */
const sharedCharts = new Map<string, Promise<RenderedChart>>();

/** The renderer (and resvg's native module) loads on the first chart, not at start-up. */
async function renderChart(input: ChartInput): Promise<RenderedChart> {
  const { renderBandChartAsync } = await import('../chart/rasterise.js');
  return renderBandChartAsync(input);
}

function render(input: ChartInput): Promise<RenderedChart> {
  if (input.offer || input.ask) return renderChart(input);
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
  const code = slackErrorCode(error);
  if (code === CLIENT_ERROR.http) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? `http_${status}` : 'http_error';
  }
  if (code === CLIENT_ERROR.request) return 'upload_unreachable';
  return code ?? 'upload_failed';
}

/**
 * Upload the band chart into a thread with files.uploadV2 (files:write). If it cannot be attached, the answer
 * has already gone out without it; the thread is told why, once.
 */
export async function attachChart(
  client: WebClient,
  target: { channelId: string; threadTs?: string },
  input: ChartInput,
): Promise<ChartOutcome> {
  let rendered = false;
  try {
    const chart = await render(input);
    rendered = true;
    const file = { file: chart.png, filename: 'allycomp-bands.png', title: input.title, alt_text: chart.altText };
    await client.filesUploadV2(
      target.threadTs
        ? { ...file, channel_id: target.channelId, thread_ts: target.threadTs }
        : { ...file, channel_id: target.channelId },
    );
    return { attached: true };
  } catch (error) {
    const code = rendered ? uploadFailureCode(error) : 'render_failed';
    const note = buildChartFailedNote(code);
    await client.chat
      .postMessage({
        channel: target.channelId,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        text: note.text,
        blocks: note.blocks,
      })
      .catch(() => undefined);
    return { attached: false, code };
  }
}
