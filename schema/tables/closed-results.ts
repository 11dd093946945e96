import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core'

/**
 * What a closed round keeps instead of its answers: the published results body (what
 * computeStoredResults gives) for every k from the round's k at close up to MAX_K, each distinct
 * body once with the range of k it is published for (`k_from`…`k_to`, inclusive). `body` is null
 * where n < k. No row holds anything per response or per person (docs/model.md §4).
 */
export const closedRoundResults = sqliteTable(
  'closed_round_results',
  {
    orgId: text('org_id').notNull(),
    assessmentId: text('assessment_id').notNull(),
    kFrom: integer('k_from').notNull(),
    kTo: integer('k_to').notNull(),
    /** Submitted responses of the round. */
    n: integer('n').notNull(),
    body: text('body'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId, t.kFrom] })],
)
