import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { API_KEY_SCOPES, MAIL_KINDS } from '../enums'

export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    parentId: text('parent_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('units_org_name').on(t.orgId, t.name)],
)

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    name: text('name').notNull(),
    scope: text('scope', { enum: API_KEY_SCOPES }).notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('api_keys_org').on(t.orgId, t.createdAt), uniqueIndex('api_keys_secret_hash').on(t.secretHash)],
)

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail', { mode: 'json' }).$type<unknown>(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('audit_log_org').on(t.orgId, t.createdAt)],
)

/**
 * Every message goes through here. Rows hold what is needed to render the message at sending
 * (kind, language, the ids a credential is derived from), never a credential itself.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id'),
    batchId: text('batch_id'),
    toEmail: text('to_email').notNull(),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    lang: text('lang').notNull(),
    /** JSON of ids and names to render from (no secrets). */
    payload: text('payload').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  // (status, created_at): the cron's sweep for rows still queued long after they were written.
  (t) => [index('outbox_org_batch').on(t.orgId, t.batchId, t.status), index('outbox_status_created').on(t.status, t.createdAt)],
)

/**
 * The development sender's mailbox (never written in production): what a real sender would have
 * delivered, rendered at sending, so the dev outbox endpoint and mail page can show it.
 */
export const devMailbox = sqliteTable(
  'dev_mailbox',
  {
    id: text('id').primaryKey(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    links: text('links', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('dev_mailbox_to').on(t.toEmail, t.createdAt)],
)
