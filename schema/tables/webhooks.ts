import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core'
import type { WebhookEvent } from '../enums'

/** An organisation's webhook endpoint. The signing secret is stored sealed with DATA_KEY. */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    url: text('url').notNull(),
    /** JSON array of the event types the endpoint receives. */
    events: text('events', { mode: 'json' }).$type<WebhookEvent[]>().notNull(),
    secretEnc: text('secret_enc').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('webhooks_org').on(t.orgId, t.createdAt)],
)

/**
 * One message to one endpoint, kept until delivered or given up: the cron retries due rows with
 * backoff. `body` is the exact JSON that is signed and sent; there is deliberately no creation
 * time (a response.submitted row written at submission would keep that moment finer than the day).
 * `next_attempt_at` is when the row is next due, or when it was settled once it no longer is.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    webhookId: text('webhook_id').notNull(),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastStatus: integer('last_status'),
  },
  (t) => [index('webhook_deliveries_due').on(t.status, t.nextAttemptAt), index('webhook_deliveries_hook').on(t.webhookId)],
)
