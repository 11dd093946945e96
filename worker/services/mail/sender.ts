import type { Bindings } from '../../env'
import type { Db } from '../../db/client'
import { insertDevMail } from '../../db/mail'
import { newId } from '../../lib/crypto'
import type { RenderedMail } from './templates'

export interface OutgoingMail extends RenderedMail {
  to: string
}

/** Delivers rendered messages; returns the indexes that failed. */
export interface MailSender {
  send(messages: OutgoingMail[]): Promise<Set<number>>
}

/**
 * Development and test sender: "delivers" into the dev mailbox table that GET /api/v1/dev/outbox
 * and the dev mail page read. Never used in production.
 */
export function devMailboxSender(db: Db): MailSender {
  return {
    async send(messages) {
      const now = new Date().toISOString()
      await insertDevMail(
        db,
        messages.map((m) => ({ id: newId('msg'), toEmail: m.to.toLowerCase(), subject: m.subject, body: m.text, links: m.links, createdAt: now })),
      )
      return new Set()
    },
  }
}

/**
 * Production sender: POSTs each message as JSON to an HTTP mail API (MAIL_HTTP_URL with a Bearer
 * MAIL_HTTP_TOKEN, From = MAIL_FROM), e.g. a transactional mail service or Cloudflare's Email Service
 * behind a small adapter. Cloudflare's Email Routing binding only reaches verified addresses.
 */
export function httpMailSender(env: Bindings): MailSender {
  return {
    async send(messages) {
      const failed = new Set<number>()
      await Promise.all(
        messages.map(async (m, i) => {
          try {
            const res = await fetch(env.MAIL_HTTP_URL!, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env.MAIL_HTTP_TOKEN ?? ''}` },
              body: JSON.stringify({ from: env.MAIL_FROM ?? 'Mognad <no-reply@mognad.se>', to: m.to, subject: m.subject, text: m.text }),
            })
            if (!res.ok) failed.add(i)
          } catch {
            failed.add(i)
          }
        }),
      )
      return failed
    },
  }
}

/** The configured sender: the HTTP API in production, the dev mailbox elsewhere. */
export function mailSender(env: Bindings, db: Db): MailSender {
  if (env.APP_ENV === 'production') {
    if (!env.MAIL_HTTP_URL) throw new Error('MAIL_HTTP_URL is not configured')
    return httpMailSender(env)
  }
  return devMailboxSender(db)
}
