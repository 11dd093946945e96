import type { Bindings } from '../../env'
import type { Db } from '../../db/client'
import { createDb } from '../../db/client'
import { deliverOutbox } from './outbox'
import { resolveMailContext } from './links'

/** Outbox ids per queue message, and messages per sendBatch call (the Queues limit is 100). */
export const IDS_PER_MESSAGE = 50
export const MESSAGES_PER_SEND = 100

export interface MailQueueBody {
  outboxIds: string[]
}

/**
 * Hands outbox ids to the mail queue: ~50 per message, ≤ 100 messages per sendBatch, so opening a
 * round of 5,000 costs one bulk insert and one queue call instead of thousands of sends in the
 * request. Without a queue binding the messages are delivered in place.
 */
export async function dispatchOutbox(env: Bindings, db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  const messages: { body: MailQueueBody }[] = []
  for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) messages.push({ body: { outboxIds: ids.slice(i, i + IDS_PER_MESSAGE) } })
  if (!env.MAIL_QUEUE) {
    for (const m of messages) await deliverOutbox(env, db, m.body.outboxIds, (row, payload) => resolveMailContext(env, row, payload, db))
    return
  }
  for (let i = 0; i < messages.length; i += MESSAGES_PER_SEND) await env.MAIL_QUEUE.sendBatch(messages.slice(i, i + MESSAGES_PER_SEND))
}

/** The queue consumer: renders (credentials derived now) and sends each message's outbox rows. */
export async function consumeMailQueue(batch: MessageBatch<MailQueueBody>, env: Bindings): Promise<void> {
  const db = createDb(env.DB)
  for (const message of batch.messages) {
    try {
      await deliverOutbox(env, db, message.body.outboxIds ?? [], (row, payload) => resolveMailContext(env, row, payload, db))
      message.ack()
    } catch (err) {
      console.error(JSON.stringify({ queue: 'mail', error: String(err) }))
      message.retry()
    }
  }
}
