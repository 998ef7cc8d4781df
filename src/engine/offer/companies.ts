/** Company names in what people type, and their kind from the guide's company list (data, not code). */
import { type CompanyKind, type Guide, normaliseName } from '../../guide/schema.js';
import { matchRegion } from '../regions.js';
import { type Collector, KIND_LABELS, MAX_NAME, shown } from './collector.js';
import { exactPattern, loosePattern } from './patterns.js';
import { regionsIn, titleIn } from './places.js';

export type KnownCompany = Guide['companies'][number];

export interface NamePattern {
  name: string;
  pattern: RegExp;
  needsCue: boolean;
}

const patternsByGuide = new WeakMap<Guide, NamePattern[]>();

/** Prose patterns for the guide's company list, built once per loaded guide. */
export function knownPatterns(guide: Guide): NamePattern[] {
  const cached = patternsByGuide.get(guide);
  if (cached) return cached;
  const patterns = guide.companies.flatMap((company) => {
    const own: NamePattern[] = [];
    if (company.common) own.push({ name: company.name, pattern: exactPattern(company.name), needsCue: true });
    for (const spelling of company.common ? (company.aliases ?? []) : [company.name, ...(company.aliases ?? [])]) {
      const pattern = loosePattern(spelling);
      if (pattern) own.push({ name: company.name, pattern, needsCue: false });
    }
    return own;
  });
  patternsByGuide.set(guide, patterns);
  return patterns;
}

function knownCompany(guide: Guide, name: string): KnownCompany | undefined {
  const wanted = normaliseName(name);
  if (!wanted) return undefined;
  return guide.companies.find((company) =>
    [company.name, ...(company.aliases ?? [])].some((spelling) => normaliseName(spelling) === wanted),
  );
}

/**
 * The kind of a company from its name, from the guide's company list (data, each entry with its reason).
 * Unknown names give undefined: never a guess past the list.
 */
export function guessCompanyKind(guide: Guide, company: string | undefined): CompanyKind | undefined {
  return companyEntry(guide, company)?.kind;
}

/** The guide's entry for a company name: exact spelling first, else the longest known name inside it. */
export function companyEntry(guide: Guide, company: string | undefined): KnownCompany | undefined {
  if (typeof company !== 'string') return undefined;
  const wanted = normaliseName(company);
  if (!wanted) return undefined;
  const exact = knownCompany(guide, company);
  if (exact) return exact;
  let best: { entry: KnownCompany; length: number } | undefined;
  for (const known of guide.companies) {
    for (const [index, spelling] of [known.name, ...(known.aliases ?? [])].entries()) {
      const name = normaliseName(spelling);
      // An everyday-word name ("Current") only counts as the first word ("Current Inc"), not inside other names.
      const contained =
        known.common && index === 0 ? wanted.startsWith(`${name} `) : ` ${wanted} `.includes(` ${name} `);
      if (name && contained && name.length > (best?.length ?? 0)) best = { entry: known, length: name.length };
    }
  }
  return best?.entry;
}

/** A known company spelled the canonical way ("sofi" -> "SoFi"); anything else as typed. */
function canonicalCompany(guide: Guide, name: string): string {
  return knownCompany(guide, name)?.name ?? name;
}

/** Company and title values that came from a person: no Slack control syntax, plain spaces, trimmed. */
export function cleanName(text: string): string {
  return text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&lt;|&gt;|[<>]/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/^["'\u2018\u2019\u201c\u201d]+|["'\u2018\u2019\u201c\u201d]+$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:,;.—–-]+|[\s:,;—–-]+$/g, '')
    .trim();
}

export function setCompany(c: Collector, typed: string, kind?: CompanyKind): void {
  const name = canonicalCompany(c.guide, cleanName(typed));
  if (!name) {
    c.problem('company', 'Company: no name given.');
    return;
  }
  if (name.length > MAX_NAME) {
    c.problem('company', `Company: that name is longer than ${MAX_NAME} characters.`);
    return;
  }
  c.draft.company = name;
  if (kind !== undefined) {
    c.draft.companyKind = kind;
    return;
  }
  const guessed = guessCompanyKind(c.guide, name);
  if (guessed) {
    c.draft.companyKind = guessed;
    c.note(`${shown(name)} read as ${KIND_LABELS[guessed]}`);
  }
}

export const CUE_BEFORE = /(?:^|[^A-Za-z0-9])(?:from|at|with|by|join|joining)\s+(?:the\s+)?$/i;
export const CUE_AFTER =
  /^(?:\s*(?::|—|–|\(|,)|\s+-\s|\s+(?:offered|offers|has offered|just offered|is offering|came back|is at|gave|made|countered)(?![A-Za-z])|['’]s\s+offer)/i;

/** Known names first (guide peers and the list above): the earliest in the text, the longest at a place. */
export function knownCompanyIn(guide: Guide, text: string): string | undefined {
  const extra: NamePattern[] = [];
  const peers = [...guide.levels.peers, ...guide.regions.flatMap((region) => region.strategy.peers.map((p) => p.name))];
  for (const peer of peers) {
    if (!/^[A-Z]/.test(peer) || knownCompany(guide, peer)) continue;
    const pattern = loosePattern(peer);
    if (pattern) extra.push({ name: peer, pattern, needsCue: false });
  }
  let best: { name: string; start: number; length: number } | undefined;
  for (const { name, pattern, needsCue } of [...knownPatterns(guide), ...extra]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (
        needsCue &&
        !CUE_BEFORE.test(text.slice(Math.max(0, start - 20), start)) &&
        !CUE_AFTER.test(text.slice(end))
      ) {
        continue;
      }
      if (!best || start < best.start || (start === best.start && match[0].length > best.length)) {
        best = { name, start, length: match[0].length };
      }
    }
  }
  return best?.name;
}

export const NAME_WORD = "[A-Z][A-Za-z0-9&'.-]*";
export const NAME_RUN = String.raw`${NAME_WORD}(?:[ \t]+(?:(?:of|&)[ \t]+)?${NAME_WORD}){0,3}`;
export const NAME_BEFORE_CUE = new RegExp(
  String.raw`(?<![A-Za-z0-9&'.-])(${NAME_RUN})(?=[ \t]*(?::|—|–)|[ \t]+(?:offered|has offered|just offered|is offering|is at|came back)(?![A-Za-z])|['’]s[ \t]+offer)`,
  'g',
);
export const NAME_AFTER_CUE = new RegExp(String.raw`\b(?:[Ff]rom|[Oo]ffer at)[ \t]+(${NAME_RUN})`, 'g');

export const NOT_A_NAME = new Set(
  (
    "i im i'm we they he she it the this that these my our their your his her got get offer offers offered base " +
    'salary bonus bonuses stock equity rsu rsus tc ttc total comp compensation sign signing so hi hey hello lol ok ' +
    'okay update final initial verbal written recruiter hr re fwd fw note ps also plus then now today yesterday just ' +
    'and but or a an here there what yes no thanks thank vesting vest level title role company location region city ' +
    'details summary breakdown package pay per year annual target cash new grant options shares'
  ).split(' '),
);

export function acceptableName(guide: Guide, candidate: string): string | undefined {
  const words = candidate.split(/\s+/).filter(Boolean);
  while (words.length > 0 && NOT_A_NAME.has((words[0] ?? '').toLowerCase().replace(/[.'’]+$/, ''))) words.shift();
  while (words.length > 0 && /^(?:of|&)$/i.test(words.at(-1) ?? '')) words.pop();
  const name = words.join(' ').replace(/[.'’-]+$/, '');
  if (!name || !/[A-Za-z]/.test(name)) return undefined;
  if (words.some((word) => NOT_A_NAME.has(word.toLowerCase().replace(/[.'’]+$/, '')))) return undefined;
  if (matchRegion(guide, name) || titleIn(guide, name)) return undefined;
  return name;
}

/** An unknown company: a capitalised name before "offered" / ":" / "—" / "is at", or after "from" / "offer at". */
export function unknownCompanyIn(guide: Guide, text: string): string | undefined {
  const candidates: { name: string; start: number }[] = [];
  for (const pattern of [NAME_BEFORE_CUE, NAME_AFTER_CUE]) {
    for (const match of text.matchAll(pattern)) {
      const name = acceptableName(guide, match[1] ?? '');
      if (name) candidates.push({ name, start: match.index });
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0]?.name;
}

/** Words that join a lead-in to a company's name ("an offer from", "a role at"). */
const JOINING = /^(?:from|at|with|by)$/i;

/**
 * "I got an offer from Capital One": the lead-in, words that cannot be a name up to a joining word, is not the name.
 * Only a lead-in that ends in a joining word is dropped, so "Target" or "New York Life" stay whole.
 */
export function withoutLeadIn(words: readonly string[]): string[] {
  let cut = 0;
  for (const [index, word] of words.entries()) {
    if (JOINING.test(word)) cut = index + 1;
    else if (!NOT_A_NAME.has(word.toLowerCase().replace(/[.'’]+$/, ''))) break;
  }
  return cut < words.length ? words.slice(cut) : [...words];
}

/** Words that only join the company to the rest of the command ("offer from SoFi", "SoFi: ..."), never the name. */
export const EDGE_WORD = /^(?:offer|offered|offers|from|at|in|for|is|@|-|—|–|:|,)$/i;

/**
 * The words typed after `/allycomp offer` before the first amount or label ("Citizens base 150k ..."): the
 * company, as in the total-comp-only form ("Citizens 205k"). The cue rule for everyday-word names is for prose,
 * where "current" or "regions" may be any word; here the place is the cue. Region and title words are left out;
 * words that cannot be a name ("my offer") give none, and the prose reading is used.
 */
export function leadingCompanyIn(guide: Guide, text: string, firstFigure: number): string | undefined {
  let lead = text.slice(0, firstFigure);
  for (const { typed } of regionsIn(guide, lead, true)) lead = lead.replace(typed, ' ');
  const words = cleanName(lead).split(/\s+/).filter(Boolean);
  while (words.length > 0 && EDGE_WORD.test(words[0] ?? '')) words.shift();
  while (words.length > 0 && EDGE_WORD.test(words.at(-1) ?? '')) words.pop();
  const name = cleanName(withoutLeadIn(words).join(' '));
  return name ? acceptableName(guide, name) : undefined;
}
