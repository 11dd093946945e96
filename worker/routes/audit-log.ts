import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AuditEntry } from '../../schema/api/members'
import { PageQuery, pageOf } from '../../schema/api/common'
import { listAudit, type AuditRow } from '../db/audit'
import { allow, MANAGE, requireOrgAccess } from '../middleware/org-access'
import { decodeCursor, toPage } from '../lib/pagination'

op({ method: 'get', path: '/orgs/{org}/audit-log', summary: 'Who did what and when', tag: 'audit', access: 'org', query: PageQuery, responses: { 200: { description: 'Entries, newest first', schema: pageOf(AuditEntry) } } })

const toEntry = (r: AuditRow) => ({ id: r.id, actor: r.actorLabel, action: r.action, target: r.target, detail: r.detail ?? null, createdAt: r.createdAt })

export const auditRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(MANAGE), validate('query', PageQuery), async (c) => {
    const q = c.req.valid('query')
    const limit = q.limit ?? 50
    const rows = await listAudit(c.get('db'), c.get('org').id, limit, decodeCursor(q.cursor))
    return c.json(toPage(rows, limit, toEntry), 200)
  })
