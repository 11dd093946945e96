import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import { ASSESSMENT_STATUSES, FORMS, LANGS, RESPONDENT_ROLES, RESPONDENT_STATUSES, type RespondentRole, type RespondentStatus } from '../enums'

/** Assessment rounds: one survey of the organisation on one instrument version and form. */
export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    form: text('form', { enum: FORMS }).notNull(),
    language: text('language', { enum: LANGS }).notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    closesAt: text('closes_at'),
    createdAt: text('created_at').notNull(),
    openedAt: text('opened_at'),
    closedAt: text('closed_at'),
    /** The organisation's k when the round opened: the round's k never drops below it. */
    kAtOpen: integer('k_at_open'),
    /** The round's k when it closed (its results are kept from this k up): its floor from then on. */
    kAtClose: integer('k_at_close'),
    /** JSON participation counts (worker/domain/participation.ts) as of `participationAsOf`. */
    participation: text('participation', { mode: 'json' }).$type<{ role: RespondentRole; unitId: string | null; status: RespondentStatus; n: number }[]>(),
    participationAsOf: text('participation_as_of'),
  },
  // The second index serves the cron backstop: open rounds whose closing time has passed; the
  // third, closed rounds whose results are not kept yet (the cron keeps them).
  (t) => [
    index('assessments_org_created').on(t.orgId, t.createdAt, t.id),
    index('assessments_status_closes').on(t.status, t.closesAt),
    index('assessments_closed_not_kept').on(t.status).where(sql`k_at_close IS NULL`),
  ],
)

/**
 * Participation: who was invited and how far they got. Never holds answers. The respondent's
 * token is derived from TOKEN_SECRET and the id, so only its SHA-256 is stored, for lookup;
 * `submitted_on` is a date, never a time of day (model.md §4).
 */
export const respondents = sqliteTable(
  'respondents',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    assessmentId: text('assessment_id').notNull(),
    /** Trimmed and lower-cased: duplicates are compared case-insensitively. */
    email: text('email').notNull(),
    name: text('name'),
    role: text('role', { enum: RESPONDENT_ROLES }).notNull(),
    unitId: text('unit_id'),
    status: text('status', { enum: RESPONDENT_STATUSES }).notNull().default('added'),
    tokenHash: text('token_hash').notNull(),
    remindedAt: text('reminded_at'),
    submittedOn: text('submitted_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('respondents_org_round_email').on(t.orgId, t.assessmentId, t.email),
    index('respondents_org_round_status').on(t.orgId, t.assessmentId, t.status),
    index('respondents_org_round_created').on(t.orgId, t.assessmentId, t.createdAt, t.id),
    index('respondents_org_unit').on(t.orgId, t.unitId),
    uniqueIndex('respondents_token_hash').on(t.tokenHash),
  ],
)

/**
 * What respondents answered, one row per response, keyed by HMAC(ANSWER_KEY_SECRET, token) so
 * nothing in the database links a row to a respondent. Created WITHOUT ROWID (edited into the
 * migration: drizzle cannot express it) so rows are stored in key order, which is random, not in
 * insertion order; and no timestamps. Role and unit are the breakdown attributes only. The rows
 * live only while the round is open: its close replaces them with its kept results.
 */
export const responses = sqliteTable(
  'responses',
  {
    key: text('key').primaryKey(),
    orgId: text('org_id').notNull(),
    assessmentId: text('assessment_id').notNull(),
    /** JSON map itemId → 1…6 | "dont_know", merged with json_patch. */
    answers: text('answers').notNull().default('{}'),
    role: text('role', { enum: RESPONDENT_ROLES }).notNull(),
    unitId: text('unit_id'),
    submitted: integer('submitted').notNull().default(0),
  },
  (t) => [index('responses_org_round_submitted').on(t.orgId, t.assessmentId, t.submitted)],
)

/**
 * The submitted responses of a round closed before its results were kept (closed_round_results):
 * compact strings (one per response, sorted, so no order survives) in chunks under 1 MB. Read
 * once more when such a round is frozen, and deleted with its answers; nothing writes here.
 */
export const assessmentSnapshots = sqliteTable(
  'assessment_snapshots',
  {
    orgId: text('org_id').notNull(),
    assessmentId: text('assessment_id').notNull(),
    chunk: integer('chunk').notNull(),
    /** JSON { items: itemId[], rows: string[] }; see worker/domain/snapshot.ts. */
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId, t.chunk] })],
)

/** The scores of a closed round for the organisation's current threshold k, precomputed. */
export const assessmentResults = sqliteTable(
  'assessment_results',
  {
    orgId: text('org_id').notNull(),
    assessmentId: text('assessment_id').notNull(),
    k: integer('k').notNull(),
    n: integer('n').notNull(),
    /** JSON { results, breakdowns: { role, unit } } or null below the threshold. */
    body: text('body'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId] })],
)
