import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core'

/**
 * What a closed round keeps of its answers: at the freeze (the close) the per-response rows are
 * deleted and replaced by aggregates, one row for the round (`breakdown` = 'round', `group_id`
 * '') and one per breakdown group shown at close (role code, unit id or `unassigned`). A group
 * hidden at close has no row, so no row describes fewer than k respondents (model.md §4).
 */
export const responseAggregates = sqliteTable(
  'response_aggregates',
  {
    orgId: text('org_id').notNull(),
    assessmentId: text('assessment_id').notNull(),
    breakdown: text('breakdown', { enum: ['round', 'role', 'unit'] }).notNull(),
    groupId: text('group_id').notNull(),
    /** Submitted responses in the set. */
    n: integer('n').notNull(),
    /** JSON aggregates; see worker/services/aggregates.ts. */
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId, t.breakdown, t.groupId] })],
)
