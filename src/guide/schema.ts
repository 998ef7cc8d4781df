import { z } from 'zod';

/** Whole dollars: the guide never deals in cents. */
const dollars = z.number().int('must be whole dollars').nonnegative('must not be negative');

export const rangeSchema = z
  .object({ low: dollars, high: dollars })
  .strict()
  .refine((range) => range.low <= range.high, { message: 'low must not be above high' });

const percentRangeSchema = z
  .object({ low: z.number().min(0).max(100), high: z.number().min(0).max(100) })
  .strict()
  .refine((range) => range.low <= range.high, { message: 'low must not be above high' });

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes');

export const bandSchema = z
  .object({ base: rangeSchema, stock: rangeSchema, bonus: rangeSchema, totalComp: rangeSchema })
  .strict();

export const regionSchema = z
  .object({
    id: slug,
    name: nonEmpty,
    shortName: nonEmpty,
    aliases: z.array(nonEmpty).min(1),
    band: bandSchema,
    strategy: z
      .object({
        target: rangeSchema,
        text: nonEmpty,
        peers: z.array(z.object({ name: nonEmpty, benchmark: rangeSchema.optional() }).strict()),
      })
      .strict(),
  })
  .strict();

const placeholder = /\{(\w+)\}/g;
export const SCRIPT_PLACEHOLDERS = [
  'baseAsk',
  'stockAsk',
  'tcAsk',
  'competingTc',
  'company',
  'bonusTargetPercent',
  'region',
] as const;

export const leverSchema = z
  .object({
    id: slug,
    number: z.number().int().positive(),
    name: nonEmpty,
    asks: z.enum(['base', 'stock', 'bonus', 'totalComp']),
    rationale: nonEmpty,
    script: nonEmpty.refine(
      (script) =>
        [...script.matchAll(placeholder)].every((match) =>
          (SCRIPT_PLACEHOLDERS as readonly string[]).includes(match[1] ?? ''),
        ),
      { message: `uses an unknown {placeholder}; known: ${SCRIPT_PLACEHOLDERS.join(', ')}` },
    ),
    /** Phrases of the script the person must be able to stand behind: marked "only if true" wherever shown. */
    claims: z.array(nonEmpty).optional(),
    /**
     * A phrase of the script arguing for more than the part's band: left out where the ask for that part is capped
     * under the competing offer's, since the script then says it asks for less than the offer pays.
     */
    aboveBandArgument: nonEmpty.optional(),
    /**
     * A phrase of the rationale about the competing offer's number: left out where the script says none (the number
     * kept out, or the offer entered is the guide's own company's).
     */
    offerRationale: nonEmpty.optional(),
  })
  .strict()
  .refine((lever) => (lever.claims ?? []).every((claim) => lever.script.includes(claim)), {
    message: 'every claim must be a phrase of the script, word for word',
    path: ['claims'],
  })
  .refine((lever) => lever.aboveBandArgument === undefined || lever.script.includes(lever.aboveBandArgument), {
    message: 'aboveBandArgument must be a phrase of the script, word for word',
    path: ['aboveBandArgument'],
  })
  .refine((lever) => lever.offerRationale === undefined || lever.rationale.includes(lever.offerRationale), {
    message: 'offerRationale must be a phrase of the rationale, word for word',
    path: ['offerRationale'],
  });

export const companyKinds = ['traditional-bank', 'digital-bank-or-fintech', 'big-tech', 'other'] as const;

/** A competing company's kind, with the reason the guide data gives for it (shown when the kind is used). */
export const companySchema = z
  .object({
    name: nonEmpty,
    kind: z.enum(companyKinds),
    aliases: z.array(nonEmpty).optional(),
    /** Also an everyday word (Chase, Discover, Current): in prose only capitalised and next to a cue. */
    common: z.boolean().optional(),
    reason: nonEmpty,
  })
  .strict();

export const guideSchema = z
  .object({
    id: slug,
    company: nonEmpty,
    role: nonEmpty,
    title: nonEmpty,
    currency: z.literal('USD'),
    tags: z.array(nonEmpty),
    regions: z.array(regionSchema).min(1),
    stockUnit: z.object({ reading: z.enum(['annual', 'four-year-total']), ambiguity: nonEmpty.optional() }).strict(),
    levels: z
      .object({
        peers: z.array(nonEmpty).min(1),
        rows: z.array(z.object({ ally: nonEmpty, peers: z.record(z.string(), nonEmpty) }).strict()).min(1),
        bandsCover: nonEmpty,
      })
      .strict(),
    premiums: z
      .array(z.object({ id: slug, name: nonEmpty, range: rangeSchema, case: nonEmpty, text: nonEmpty }).strict())
      .min(1),
    companies: z.array(companySchema).default([]),
    branchlessPremium: z
      .object({
        percent: percentRangeSchema,
        appliesTo: z.enum(companyKinds),
        text: nonEmpty,
        premiumId: slug.optional(),
      })
      .strict(),
    dna: z.array(nonEmpty),
    levers: z.array(leverSchema).min(1),
    example: z
      .object({
        region: slug,
        company: nonEmpty,
        competingTc: dollars,
        baseAsk: dollars,
        stockAsk: rangeSchema,
        tcAsk: rangeSchema,
        bonusTargetPercent: z.number().positive().max(100),
      })
      .strict(),
    askRules: z.object({ competingUplift: dollars, upliftDerivation: nonEmpty }).strict(),
    sources: z.array(z.object({ title: nonEmpty, detail: nonEmpty, where: nonEmpty.optional() }).strict()).min(1),
  })
  .strict()
  .superRefine((guide, ctx) => {
    const seen = new Map<string, string>();
    guide.regions.forEach((region, index) => {
      for (const [aliasIndex, alias] of region.aliases.entries()) {
        const key = normaliseName(alias);
        const owner = seen.get(key);
        if (owner && owner !== region.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['regions', index, 'aliases', aliasIndex],
            message: `alias "${alias}" is already used by region ${owner}`,
          });
        }
        seen.set(key, region.id);
      }
    });
    if (!guide.regions.some((region) => region.id === guide.example.region)) {
      ctx.addIssue({
        code: 'custom',
        path: ['example', 'region'],
        message: `no region with id "${guide.example.region}"`,
      });
    }
    const premiumId = guide.branchlessPremium.premiumId;
    if (premiumId && !guide.premiums.some((premium) => premium.id === premiumId)) {
      ctx.addIssue({ code: 'custom', path: ['branchlessPremium', 'premiumId'], message: `no premium "${premiumId}"` });
    }
    const companyNames = new Map<string, string>();
    guide.companies.forEach((company, index) => {
      for (const spelling of [company.name, ...(company.aliases ?? [])]) {
        const key = normaliseName(spelling);
        const owner = companyNames.get(key);
        if (owner && owner !== company.name) {
          ctx.addIssue({
            code: 'custom',
            path: ['companies', index],
            message: `"${spelling}" is already a spelling of ${owner}`,
          });
        }
        companyNames.set(key, company.name);
      }
    });
    guide.levels.rows.forEach((row, index) => {
      for (const peer of guide.levels.peers) {
        if (!row.peers[peer]) {
          ctx.addIssue({ code: 'custom', path: ['levels', 'rows', index, 'peers'], message: `missing "${peer}"` });
        }
      }
    });
  });

export type Guide = z.infer<typeof guideSchema>;
export type Region = Guide['regions'][number];
export type Band = Region['band'];
export type Range = z.infer<typeof rangeSchema>;
export type Lever = Guide['levers'][number];
export type Premium = Guide['premiums'][number];
export type CompanyKind = (typeof companyKinds)[number];
export type BandComponent = keyof Band;

/** Case-, space- and punctuation-insensitive form used for every name lookup. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
