import * as z from 'zod/mini'
import { ASSESSMENT_STATUSES, FORMS, HIDDEN_REASONS, LANGS, RESPONDENT_ROLES } from '../enums'
import { msg, Score as BaseScore } from './common'

const Iso = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
    error: msg('En tidpunkt i ISO 8601 (t.ex. 2026-05-31T22:00:00Z).', 'A time in ISO 8601 (e.g. 2026-05-31T22:00:00Z).'),
  }),
)
const RoundName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200))
const Version = z.string().check(z.minLength(1), z.maxLength(20))

export const Assessment = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  form: z.enum(FORMS),
  language: z.enum(LANGS),
  instrumentVersion: z.string(),
  closesAt: z.nullable(z.string()),
  createdAt: z.string(),
  openedAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
})
export type Assessment = z.infer<typeof Assessment>

export const CreateAssessment = z.strictObject({
  name: RoundName,
  form: z.enum(FORMS),
  language: z.optional(z.enum(LANGS)),
  closesAt: z.optional(z.nullable(Iso)),
  instrumentVersion: z.optional(Version),
})
export type CreateAssessment = z.infer<typeof CreateAssessment>

/** A JSON merge patch: `closesAt: null` removes the closing time. */
export const PatchAssessment = z.strictObject({
  name: z.optional(RoundName),
  form: z.optional(z.enum(FORMS)),
  language: z.optional(z.enum(LANGS)),
  closesAt: z.optional(z.nullable(Iso)),
  instrumentVersion: z.optional(Version),
})
export type PatchAssessment = z.infer<typeof PatchAssessment>

export const AssessmentParams = z.object({ org: z.string(), id: z.string().check(z.maxLength(100)) })
export const RespondentParams = z.object({ org: z.string(), id: z.string().check(z.maxLength(100)), rid: z.string().check(z.maxLength(100)) })

/**
 * One row of a JSON import. Fields are loose on purpose: a bad e-mail, role or unit is reported
 * per row in the 201 answer (like a CSV row), not as a 400 for the whole upload.
 */
const ImportRow = z.strictObject({
  email: z.string().check(z.maxLength(320)),
  name: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  role: z.string().check(z.maxLength(50)),
  unitId: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
})
/** Up to 5,000 rows; more is a 413 checked after parsing (api.md), so no maximum here. */
export const ImportRespondents = z.strictObject({ respondents: z.array(ImportRow) })
export type ImportRespondents = z.infer<typeof ImportRespondents>

export const ImportResult = z.object({
  added: z.number(),
  skipped: z.number(),
  /** `reasons`: email_invalid, role_unknown, unit_unknown, name_long, domain_unverified, plus_alias, same_mailbox, admin_member. */
  errors: z.array(z.object({ row: z.number(), message: z.string(), reasons: z.array(z.string()) })),
})

export const Respondent = z.object({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  role: z.enum(RESPONDENT_ROLES),
  unitId: z.nullable(z.string()),
  /** Whether the invitation has gone out; never whether they started or submitted (model.md §4). */
  status: z.enum(['added', 'invited']),
})

export const RemindersSent = z.object({ sent: z.number() })

/** The invitation as respondents will read it, with a placeholder where the personal link goes. */
export const InvitationPreview = z.object({ subject: z.string(), text: z.string(), language: z.enum(LANGS) })

const Counts = { invited: z.number(), started: z.number(), submitted: z.number(), rate: z.nullable(z.number()) }
const Hidden = { suppressed: z.literal(true) }
const RoleId = { role: z.enum(RESPONDENT_ROLES) }
const UnitId = { unitId: z.nullable(z.string()) }
/** Counts as of `asOf` (recounted at most every 10 minutes); groups below the round's k hidden. */
export const Participation = z.object({
  invited: z.number(),
  started: z.nullable(z.number()),
  submitted: z.nullable(z.number()),
  rate: z.nullable(z.number()),
  suppressed: z.optional(z.literal(true)),
  asOf: z.string(),
  k: z.number(),
  sending: z.object({ queued: z.number(), sent: z.number(), failed: z.number() }),
  byRole: z.array(z.union([z.object({ ...RoleId, ...Counts }), z.object({ ...RoleId, ...Hidden })])),
  byUnit: z.array(z.union([z.object({ ...UnitId, ...Counts }), z.object({ ...UnitId, ...Hidden })])),
})

export const ResultsQuery = z.strictObject({ breakdown: z.optional(z.enum(['role', 'unit'])) })

/** Why a suppressed score is hidden (docs/model.md §4). */
const Score = z.extend(BaseScore, { hidden: z.optional(z.enum(HIDDEN_REASONS)) })
const ScoreLevels = { overall: Score, dimensions: z.array(Score), categories: z.array(Score), factors: z.array(Score) }
const Group = z.union([z.object({ id: z.string(), n: z.number(), ...ScoreLevels }), z.object({ id: z.string(), suppressed: z.literal(true), hidden: z.optional(z.enum(HIDDEN_REASONS)) })])

/** The results of a closed round (numbers per docs/model.md). */
export const Results = z.object({
  instrumentVersion: z.string(),
  n: z.number(),
  ...ScoreLevels,
  type: z.nullable(z.enum(['A', 'B', 'C', 'D'])),
  borderline: z.boolean(),
  balance: z.nullable(z.number()),
  flags: z.array(z.enum(['efficiency_creep', 'innovation_without_base'])),
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
  dontKnow: z.array(z.object({ itemId: z.string(), share: z.number() })),
  dontKnowFactors: z.array(z.object({ factorId: z.string(), share: z.number() })),
  breakdown: z.optional(z.array(Group)),
})
