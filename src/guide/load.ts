import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { projectRoot } from '../paths.js';
import { checkConsistency, type GuideNote } from './consistency.js';
import { type Guide, guideSchema } from './schema.js';

export { projectRoot };

export const DEFAULT_GUIDE_PATH = join(projectRoot(), 'data', 'ally-pm.guide.yml');

/** A guide file that cannot be used; the message names the file, the field and what is wrong. */
export class GuideFileError extends Error {
  readonly code = 'guide_file_invalid';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Guide file ${file} is not usable:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'GuideFileError';
  }
}

export interface LoadedGuide {
  guide: Guide;
  /** What the consistency checks found: shown as footnotes wherever the figure appears. */
  notes: GuideNote[];
  file: string;
}

function describePath(path: PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

export function formatZodProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${describePath(issue.path)}: ${issue.message}`);
}

/** Parse and validate guide text; `file` is only used in error messages. */
export function parseGuide(text: string, file: string): LoadedGuide {
  let raw: unknown;
  try {
    raw = parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    throw new GuideFileError(file, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const result = guideSchema.safeParse(raw);
  if (!result.success) throw new GuideFileError(file, formatZodProblems(result.error));
  return { guide: result.data, notes: checkConsistency(result.data), file };
}

export function loadGuide(file: string = DEFAULT_GUIDE_PATH): LoadedGuide {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GuideFileError(file, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  }
  return parseGuide(text, file);
}
