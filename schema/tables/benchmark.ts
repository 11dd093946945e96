import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core'
import { ORG_KINDS } from '../enums'

/**
 * The benchmark's precomputed participants: ONE current entry per (organisation, instrument
 * version) with the organisation's profile and its latest closed round with results, as percent
 * scores at the organisation's current k. Kept current on close, on a new k, on a profile change;
 * removed with the organisation. A benchmark request reads one row per sharing organisation.
 */
export const benchmarkEntries = sqliteTable(
  'benchmark_entries',
  {
    orgId: text('org_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    population: integer('population'),
    county: text('county'),
    demo: integer('demo', { mode: 'boolean' }).notNull(),
    share: integer('share', { mode: 'boolean' }).notNull(),
    /** Verified by the registry extract or an operator: only verified organisations are peers. */
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    roundId: text('round_id').notNull(),
    closedAt: text('closed_at').notNull(),
    /** JSON { [factor | category | dimension id | "overall"]: percent | null }. */
    scores: text('scores', { mode: 'json' }).$type<Record<string, number | null>>().notNull(),
  },
  // The read path: verified sharing organisations of one demo status on one version within the window.
  (t) => [primaryKey({ columns: [t.orgId, t.instrumentVersion] }), index('benchmark_entries_read').on(t.instrumentVersion, t.demo, t.share, t.verified, t.closedAt)],
)
