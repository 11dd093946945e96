import { Hono } from 'hono'
import * as z from 'zod/mini'
import type { AppEnv } from '../env'
import { devOnly } from '../middleware/dev-only'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { listDevMail } from '../db/mail'

const OutboxQuery = z.strictObject({ to: z.string().check(z.trim(), z.minLength(3), z.maxLength(254)) })
const DevMessage = z.object({ to: z.string(), subject: z.string(), text: z.string(), links: z.array(z.string()), createdAt: z.string() })

const outboxOp = op({ method: 'get', path: '/dev/outbox', summary: 'Development only: messages sent to an address, newest first (404 in production)', tag: 'dev', access: 'dev', query: OutboxQuery, responses: { 200: { description: 'Up to 50 messages', schema: z.object({ items: z.array(DevMessage) }) } } })

export const devRoutes = new Hono<AppEnv>()
  .use(devOnly)
  .get('/outbox', validate('query', outboxOp.query), async (c) => {
    const rows = await listDevMail(c.get('db'), c.req.valid('query').to)
    return c.json({ items: rows.map((r) => ({ to: r.toEmail, subject: r.subject, text: r.body, links: r.links, createdAt: r.createdAt })) }, 200)
  })
