import * as z from 'zod/mini'
import { FACTOR_IDS, INITIATIVE_KINDS, INITIATIVE_STATUSES, INITIATIVE_TARGETS, PINS } from '../enums'
import { msg, PageQuery, pageOf } from './common'

/** Kept as a name for the factor ids (schema/enums.ts FACTOR_IDS, checked against the instrument). */
export const FACTOR_IDS_V1 = FACTOR_IDS

export const FactorId = z.enum(FACTOR_IDS_V1, { error: msg('Okänd faktor i instrumentet.', 'Unknown factor of the instrument.') })

const Title = z.string().check(z.trim(), z.minLength(1), z.maxLength(200))
const Description = z.string().check(z.trim(), z.maxLength(5000))
const ShortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(200))
const LongText = z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))
const wholeNumber = (sv: string, en: string) => z.refine<number>((n) => Number.isInteger(n), { error: msg(sv, en) })

/** A value area of the benefits-realisation model: a whole number 1–5. */
const Rating = z.number().check(wholeNumber('Ett heltal 1–5.', 'A whole number 1–5.'), z.gte(1), z.lte(5))

/** Whole SEK above zero; a safe integer so it survives JSON and SQLite unchanged. */
export const Cost = z.number().check(wholeNumber('Kostnaden anges i hela kronor.', 'Cost is given in whole SEK.'), z.gte(1), z.lte(Number.MAX_SAFE_INTEGER))

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
const IsoDate = z.string().check(z.refine(isIsoDate, { error: msg('Ett datum ÅÅÅÅ-MM-DD.', 'A date YYYY-MM-DD.') }))

const FactorLink = z.strictObject({
  factorId: FactorId,
  strength: z.number().check(wholeNumber('Styrkan är ett heltal 1–3.', 'Strength is a whole number 1–3.'), z.gte(1), z.lte(3)),
})

/** At least one factor, each at most once (a duplicate would count its gap twice in the ranking). */
export const Factors = z.array(FactorLink).check(z.minLength(1), z.maxLength(FACTOR_IDS_V1.length), (ctx) => {
  const seen = new Set<string>()
  ctx.value.forEach((link, index) => {
    if (seen.has(link.factorId))
      ctx.issues.push({ code: 'custom', input: link.factorId, path: [index, 'factorId'], message: msg('Faktorn finns redan i listan.', 'The factor is already listed.') })
    seen.add(link.factorId)
  })
})

export const ExpectedBenefit = z.strictObject({ text: LongText, measure: LongText, owner: ShortText, followUpDate: IsoDate })
export const RealisedBenefit = z.strictObject({
  text: LongText,
  measure: z.optional(LongText),
  /** The measured value, in the unit of the measure. */
  value: z.optional(z.number()),
  realisedOn: IsoDate,
  /** Index into expectedBenefits of the benefit this realises. */
  expectedIndex: z.optional(z.number().check(wholeNumber('Ett index (heltal från 0).', 'An index (whole number from 0).'), z.gte(0))),
})

const ExpectedBenefits = z.array(ExpectedBenefit).check(z.maxLength(50))
const RealisedBenefits = z.array(RealisedBenefit).check(z.maxLength(200))

/**
 * POST body. The five value areas are required: a default (say 3) would silently rank an
 * unassessed initiative as average. `description` defaults to '', `status` to idea, `pin` to auto,
 * the benefit lists to [].
 */
export const CreateInitiative = z.strictObject({
  title: Title,
  description: z.optional(Description),
  kind: z.enum(INITIATIVE_KINDS),
  target: z.enum(INITIATIVE_TARGETS),
  factors: Factors,
  cost: z.optional(Cost),
  owner: z.optional(ShortText),
  status: z.optional(z.enum(INITIATIVE_STATUSES)),
  pin: z.optional(z.enum(PINS)),
  pinReason: z.optional(LongText),
  politicalUrgency: Rating,
  technicalUrgency: Rating,
  societalBenefit: Rating,
  administrationBenefit: Rating,
  risk: Rating,
  expectedBenefits: z.optional(ExpectedBenefits),
  realisedBenefits: z.optional(RealisedBenefits),
})
export type CreateInitiative = z.infer<typeof CreateInitiative>

/** JSON merge patch: lists are replaced whole; null removes cost, owner, pinReason and empties the benefit lists. */
export const PatchInitiative = z.strictObject({
  title: z.optional(Title),
  description: z.optional(Description),
  kind: z.optional(z.enum(INITIATIVE_KINDS)),
  target: z.optional(z.enum(INITIATIVE_TARGETS)),
  factors: z.optional(Factors),
  cost: z.optional(z.nullable(Cost)),
  owner: z.optional(z.nullable(ShortText)),
  status: z.optional(z.enum(INITIATIVE_STATUSES)),
  pin: z.optional(z.enum(PINS)),
  pinReason: z.optional(z.nullable(LongText)),
  politicalUrgency: z.optional(Rating),
  technicalUrgency: z.optional(Rating),
  societalBenefit: z.optional(Rating),
  administrationBenefit: z.optional(Rating),
  risk: z.optional(Rating),
  expectedBenefits: z.optional(z.nullable(ExpectedBenefits)),
  realisedBenefits: z.optional(z.nullable(RealisedBenefits)),
})
export type PatchInitiative = z.infer<typeof PatchInitiative>

export const Initiative = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(INITIATIVE_KINDS),
  target: z.enum(INITIATIVE_TARGETS),
  factors: z.array(z.object({ factorId: z.string(), strength: z.number() })),
  cost: z.optional(z.number()),
  owner: z.optional(z.string()),
  status: z.enum(INITIATIVE_STATUSES),
  pin: z.enum(PINS),
  pinReason: z.optional(z.string()),
  politicalUrgency: z.number(),
  technicalUrgency: z.number(),
  societalBenefit: z.number(),
  administrationBenefit: z.number(),
  risk: z.number(),
  expectedBenefits: z.array(ExpectedBenefit),
  realisedBenefits: z.array(RealisedBenefit),
  statusHistory: z.array(z.object({ status: z.enum(INITIATIVE_STATUSES), at: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Initiative = z.infer<typeof Initiative>

export const InitiativeParams = z.object({ org: z.string(), id: z.string().check(z.maxLength(100)) })

export const InitiativeQuery = z.strictObject({
  ...PageQuery.shape,
  status: z.optional(z.enum(INITIATIVE_STATUSES)),
  kind: z.optional(z.enum(INITIATIVE_KINDS)),
  factor: z.optional(FactorId),
  /** Exact match, case-insensitive, surrounding spaces ignored. */
  owner: z.optional(ShortText),
})

export const InitiativePage = pageOf(Initiative)

export const ImportResult = z.object({
  added: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
})
