import * as z from 'zod/mini'
import { INITIATIVE_STATUSES } from '../enums'
import { msg } from './common'

/** `?budget=` whole SEK ≥ 0 as digits only (no sign, decimals or spaces), within safe integers. */
export const Budget = z.pipe(
  z.string().check(z.regex(/^\d{1,16}$/, { error: msg('Budgeten anges i hela kronor (0 eller mer).', 'The budget is given in whole SEK (0 or more).') })),
  z.pipe(z.transform(Number), z.number().check(z.lte(Number.MAX_SAFE_INTEGER, { error: msg('Budgeten är för stor.', 'The budget is too large.') }))),
)

export const RecommendationsQuery = z.strictObject({ budget: z.optional(Budget) })

const Local = z.object({ sv: z.string(), en: z.string() })

const GapContribution = z.object({
  factorId: z.string(),
  score: z.nullable(z.number()),
  target: z.number(),
  gap: z.number(),
  weight: z.number(),
  strength: z.number(),
  contribution: z.number(),
})

const LEFT_OUT = ['budget', 'band', 'no_open_gap', 'no_cost', 'pinned_out'] as const

export const Recommendations = z.object({
  ranking: z.array(
    z.object({
      initiativeId: z.string(),
      score: z.number(),
      ratio: z.nullable(z.number()),
      explanation: z.object({ gaps: z.array(GapContribution), impact: z.number(), valueFactor: z.number(), riskFactor: z.number() }),
    }),
  ),
  excluded: z.array(z.object({ initiativeId: z.string(), reason: z.enum(INITIATIVE_STATUSES) })),
  portfolio: z.optional(
    z.object({
      initiativeIds: z.array(z.string()),
      totalCost: z.number(),
      totalScore: z.number(),
      innovationShare: z.nullable(z.number()),
      bandMet: z.boolean(),
      budgetMet: z.boolean(),
      exact: z.boolean(),
      optimalityGap: z.number(),
      leftOut: z.array(z.object({ initiativeId: z.string(), reason: z.enum(LEFT_OUT) })),
    }),
  ),
  uncoveredGaps: z.array(z.object({ factorId: z.string(), gap: z.number(), weight: z.number(), suggestions: z.array(Local) })),
})

/** One weak factor of the competence-development plan and who to train or recruit for it. */
export const CompetencePlan = z.object({
  instrumentVersion: z.string(),
  items: z.array(
    z.object({
      factorId: z.string(),
      name: Local,
      score: z.nullable(z.number()),
      target: z.number(),
      gap: z.number(),
      weight: z.number(),
      weightedGap: z.number(),
      weakness: z.boolean(),
      actions: z.array(z.object({ role: z.string(), roleName: Local, mode: z.enum(['train', 'recruit', 'train_or_recruit']), what: Local })),
    }),
  ),
})

const FactorChange = z.object({ factorId: z.string(), before: z.nullable(z.number()), after: z.nullable(z.number()), change: z.nullable(z.number()) })

export const Benefits = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      initiativeId: z.string(),
      title: z.string(),
      status: z.enum(INITIATIVE_STATUSES),
      owner: z.nullable(z.string()),
      doneOn: z.nullable(z.string()),
      expected: z.array(
        z.object({ index: z.number(), text: z.string(), measure: z.string(), owner: z.string(), followUpDate: z.string(), realised: z.boolean(), overdue: z.boolean() }),
      ),
      realised: z.array(z.object({ text: z.string(), measure: z.optional(z.string()), value: z.optional(z.number()), realisedOn: z.string(), expectedIndex: z.optional(z.number()) })),
      overdueCount: z.number(),
      factorChange: z.nullable(z.object({ beforeAssessmentId: z.string(), afterAssessmentId: z.string(), factors: z.array(FactorChange) })),
    }),
  ),
})
