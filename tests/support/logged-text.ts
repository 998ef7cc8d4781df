/**
 * The words of the log lines, for searching them for a figure someone typed. The time of each line and a
 * request's duration are left out: they are the clock's digits, not anyone's, and a search for "245"
 * would otherwise fail whenever a line was written at second 51.245.
 */
export function loggedText(logs: readonly string[]): string {
  return logs
    .map((line) => {
      try {
        const { t: _time, ms: _duration, ...rest } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(rest);
      } catch {
        return line;
      }
    })
    .join('\n');
}
