import { sql } from 'drizzle-orm'
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core'
import type { Initiative } from '../api/initiatives'
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, INITIATIVE_TARGETS, PINS } from '../enums'

/**
 * One row per initiative. The lists (factors, benefits, status history) are JSON columns: they are
 * always read and replaced whole with their initiative, and the `?factor=` filter reaches into
 * `factors` with json_each inside the same org-scoped query, so no child table has to be kept in step.
 */
export const initiatives = sqliteTable(
  'initiatives',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: INITIATIVE_KINDS }).notNull(),
    target: text('target', { enum: INITIATIVE_TARGETS }).notNull(),
    /** JSON `[{ factorId, strength }]`. */
    factors: text('factors', { mode: 'json' }).$type<Initiative['factors']>().notNull(),
    cost: integer('cost'),
    owner: text('owner'),
    /** The owner trimmed and lower-cased in JS (SQLite's lower() leaves å, ä, ö alone). */
    ownerKey: text('owner_key'),
    status: text('status', { enum: INITIATIVE_STATUSES }).notNull(),
    pin: text('pin', { enum: PINS }).notNull(),
    pinReason: text('pin_reason'),
    politicalUrgency: integer('political_urgency').notNull(),
    technicalUrgency: integer('technical_urgency').notNull(),
    societalBenefit: integer('societal_benefit').notNull(),
    administrationBenefit: integer('administration_benefit').notNull(),
    risk: integer('risk').notNull(),
    /** JSON arrays, `[]` when none. */
    expectedBenefits: text('expected_benefits', { mode: 'json' }).$type<Initiative['expectedBenefits']>().notNull().default(sql`'[]'`),
    realisedBenefits: text('realised_benefits', { mode: 'json' }).$type<Initiative['realisedBenefits']>().notNull().default(sql`'[]'`),
    statusHistory: text('status_history', { mode: 'json' }).$type<Initiative['statusHistory']>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('initiatives_org_created').on(t.orgId, t.createdAt, t.id),
    index('initiatives_org_status').on(t.orgId, t.status),
    index('initiatives_org_owner').on(t.orgId, t.ownerKey),
  ],
)
