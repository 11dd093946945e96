import * as z from 'zod/mini'

/** "sv|en" messages for custom refinements (rendered per Accept-Language by the validator). */
export const msg = (sv: string, en: string) => `${sv}|${en}`

export const Email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.string().check(z.email({ error: msg('Ogiltig e-postadress.', 'Invalid e-mail address.') })),
)

export const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200))

/** `?limit=` 1–200; absent means the default of 50 (applied by the route). */
export const Limit = z.pipe(
  z.string().check(z.regex(/^\d{1,3}$/, { error: msg('Ett heltal 1–200.', 'A whole number 1–200.') })),
  z.pipe(z.transform(Number), z.number().check(z.gte(1), z.lte(200))),
)

export const PageQuery = z.strictObject({ limit: z.optional(Limit), cursor: z.optional(z.string().check(z.maxLength(200))) })
export type PageQuery = z.infer<typeof PageQuery>

export function pageOf<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) })
}

export const Health = z.object({ status: z.literal('ok') })
/** Health when a required secret is missing or weak: the names only, never a value. */
export const HealthMisconfigured = z.object({ status: z.literal('misconfigured'), missing: z.array(z.string()) })

/** A score of the results and the trends: percent 0–100 with its 95 % interval, over n answers;
 *  `suppressed` when fewer answered than the anonymity threshold allows to show. */
export const Score = z.object({
  id: z.string(),
  percent: z.nullable(z.number()),
  ci: z.nullable(z.tuple([z.number(), z.number()])),
  n: z.number(),
  suppressed: z.optional(z.literal(true)),
})
export type Score = z.infer<typeof Score>
