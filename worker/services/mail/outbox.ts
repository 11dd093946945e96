import type { Lang, MailKind } from '../../../schema/enums'
import type { Bindings } from '../../env'
import type { Db } from '../../db/client'
import { deleteOutbox, listOutboxByIds, markOutbox, insertOutbox, type OutboxRow } from '../../db/mail'
import { newId } from '../../lib/crypto'
import { renderMail, type MailContext } from './templates'
import { mailSender, type OutgoingMail } from './sender'

export interface MailRequest {
  orgId: string | null
  batchId?: string | null
  to: string
  kind: MailKind
  lang: Lang
  /** Ids and names only; the credential is derived from them when the message is sent. */
  payload: Record<string, unknown>
}

/** Turns a payload into the message's credential link at sending time; null: nothing to send. */
export type LinkResolver = (row: OutboxRow, payload: Record<string, unknown>) => Promise<MailContext | null>

/** Queues messages in the outbox and returns their ids. */
export async function enqueueMail(db: Db, requests: MailRequest[]): Promise<string[]> {
  const now = new Date().toISOString()
  const rows = requests.map((r) => ({
    id: newId('out'),
    orgId: r.orgId,
    batchId: r.batchId ?? null,
    toEmail: r.to,
    kind: r.kind,
    lang: r.lang,
    payload: JSON.stringify(r.payload),
    createdAt: now,
  }))
  await insertOutbox(db, rows)
  return rows.map((r) => r.id)
}

/**
 * Renders (credentials derived now, never stored) and sends queued messages, then marks them.
 * A message its resolver declines (a sign-in link requested for an address without an account)
 * is deleted unsent: nothing is kept about an address that has no account.
 */
export async function deliverOutbox(env: Bindings, db: Db, ids: string[], resolve: LinkResolver): Promise<{ sent: number; failed: number }> {
  const pending = (await listOutboxByIds(db, ids)).filter((r) => r.status !== 'sent')
  const rows: OutboxRow[] = []
  const declined: string[] = []
  const messages: OutgoingMail[] = []
  for (const row of pending) {
    const payload = JSON.parse(row.payload) as Record<string, unknown>
    const ctx = await resolve(row, payload)
    if (!ctx) {
      declined.push(row.id)
      continue
    }
    rows.push(row)
    messages.push({ to: row.toEmail, ...renderMail(row.kind, row.lang as Lang, ctx) })
  }
  await deleteOutbox(db, declined)
  if (rows.length === 0) return { sent: 0, failed: 0 }
  const failedIdx = await mailSender(env, db).send(messages)
  const now = new Date().toISOString()
  const sent = rows.filter((_, i) => !failedIdx.has(i)).map((r) => r.id)
  const failed = rows.filter((_, i) => failedIdx.has(i)).map((r) => r.id)
  await markOutbox(db, sent, 'sent', now)
  await markOutbox(db, failed, 'failed', now)
  return { sent: sent.length, failed: failed.length }
}
