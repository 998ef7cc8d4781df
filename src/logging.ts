import { type Logger, LogLevel } from '@slack/bolt';

/**
 * Structured logs with an allow-list. allycomp's own lines carry only the fields below; Bolt's and the Web
 * API client's messages are reduced to their first text argument with every number masked, because
 * libraries may echo payloads, and payloads carry salaries. No log ever has typed text or a figure.
 */
export interface RequestLogLine {
  kind: 'command' | 'action' | 'view' | 'shortcut' | 'event' | 'other';
  /** The command name, action id, callback id or event type: never the text a person typed. */
  id: string;
  outcome: string;
  ms: number;
  retry?: number;
}

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

export type LogWriter = (line: string) => void;

const MAX_MESSAGE = 300;

/** Keep a library message's words, drop its data: numbers, amounts and anything after a newline. */
export function scrub(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else return '[data omitted]';
  const firstLine = text.split('\n')[0] ?? '';
  return (
    firstLine
      .replace(/xox[a-z]-[\w-]+/gi, '[token]')
      .replace(/xapp-[\w-]+/gi, '[token]')
      // Quoted fragments are data: Node's JSON.parse errors quote the body they choked on ("SoFi pays…" is not valid JSON).
      .replace(/"[^"]*(?:"|$)(?:\.\.\.)?/g, '"…"')
      .replace(/token '[^']*'/g, "token '…'")
      .replace(/[$€£]?\d[\d,._]*(?:\s?[kKmM]\b)?/g, '#')
      .replace(/[{[].*$/, '[data omitted]')
      .slice(0, MAX_MESSAGE)
  );
}

export class AppLogger implements Logger {
  private level: LogLevel;
  private name = 'allycomp';

  constructor(
    level: LogLevel | `${LogLevel}` = LogLevel.INFO,
    private readonly write: LogWriter = (line) => process.stdout.write(`${line}\n`),
  ) {
    this.level = level as LogLevel;
  }

  getLevel(): LogLevel {
    return this.level;
  }

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  setName(name: string): void {
    // Bolt and the Web API client name their loggers; keep the names short and free of data.
    this.name = scrub(name).slice(0, 60);
  }

  private enabled(level: LogLevel): boolean {
    return SEVERITY[level] >= SEVERITY[this.level];
  }

  /** A library's message: checked against the level before it is scrubbed (the client logs whole bodies at debug). */
  private library(level: LogLevel, message: unknown): void {
    if (this.enabled(level)) this.emit(level, { msg: scrub(message) });
  }

  private emit(level: LogLevel, fields: Record<string, string | number | boolean | undefined>): void {
    if (!this.enabled(level)) return;
    this.write(JSON.stringify({ t: new Date().toISOString(), level, logger: this.name, ...fields }));
  }

  debug(...msg: unknown[]): void {
    this.library(LogLevel.DEBUG, msg[0]);
  }

  info(...msg: unknown[]): void {
    this.library(LogLevel.INFO, msg[0]);
  }

  warn(...msg: unknown[]): void {
    this.library(LogLevel.WARN, msg[0]);
  }

  error(...msg: unknown[]): void {
    this.library(LogLevel.ERROR, msg[0]);
  }

  /** One line per request handled: what was asked (by id), how it ended, how long it took. */
  request(line: RequestLogLine): void {
    this.emit(line.outcome.startsWith('error') ? LogLevel.WARN : LogLevel.INFO, { msg: 'request', ...line });
  }

  /** allycomp's own notable events; `fields` must be codes and ids, never user data. */
  event(level: LogLevel, msg: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
    this.emit(level, { msg, ...fields });
  }

  child(name: string): AppLogger {
    const child = new AppLogger(this.level, this.write);
    child.setName(`${this.name}:${name}`);
    return child;
  }
}
