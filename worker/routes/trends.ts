import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { op } from '../openapi/registry'
import { Trends } from '../../schema/api/insights'
import { allow, READ } from '../middleware/org-access'
import { orgAccess } from '../services/rounds/load'
import { trendsOf } from '../services/results/trends'

op({
  method: 'get', path: '/orgs/{org}/trends', tag: 'results', access: 'org',
  summary: 'Closed rounds over time, oldest first, with change against the previous shown round of the same version and form',
  responses: { 200: { description: 'Trends', schema: Trends } },
})

export const trendRoutes = new Hono<AppEnv>().get('/', orgAccess, allow(READ), async (c) => c.json({ items: await trendsOf(c.get('db'), c.get('org')) }, 200))
