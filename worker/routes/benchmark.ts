import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams } from '../../schema/api/assessments'
import { Benchmark } from '../../schema/api/insights'
import { allow, READ } from '../middleware/org-access'
import { loadRound, orgAccess } from '../services/rounds/load'
import { computeBenchmark } from '../services/benchmark/compute'
import { preconditionFailed } from '../services/results/current'

op({
  method: 'get', path: '/orgs/{org}/assessments/{id}/benchmark', tag: 'results', access: 'org', params: AssessmentParams,
  summary: 'Comparison with sharing peers: groups all, kind, size, county (412 not_closed / below_threshold / not_sharing)',
  responses: { 200: { description: 'Peer groups with quartiles and percentile ranks', schema: Benchmark } },
})

export const benchmarkRoutes = new Hono<AppEnv>().get('/benchmark', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
  const org = c.get('org')
  const round = await loadRound(c, c.req.valid('param').id)
  const outcome = await computeBenchmark(c.get('db'), org, round)
  if (!outcome.ok) throw preconditionFailed(outcome.reason)
  return c.json({ groups: outcome.groups }, 200)
})
