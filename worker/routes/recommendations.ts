import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams } from '../../schema/api/assessments'
import { Recommendations, RecommendationsQuery } from '../../schema/api/recommendations'
import { recommend } from '../domain'
import { allow, READ } from '../middleware/org-access'
import { orgAccess } from '../services/rounds/load'
import { recommendationInput } from '../services/portfolio/recommendations'

const recommendationsOp = op({
  method: 'get',
  path: '/orgs/{org}/assessments/{id}/recommendations',
  summary: 'Ranked initiatives with explanations, the best portfolio under `?budget=` and uncovered gaps (412 not_closed / below_threshold)',
  tag: 'initiatives',
  access: 'org',
  params: AssessmentParams,
  query: RecommendationsQuery,
  responses: { 200: { description: 'Recommendations', schema: Recommendations } },
})

/** The engine's answer for one closed round; the computation's own time is in Server-Timing. */
export const recommendationRoutes = new Hono<AppEnv>().get(
  '/',
  orgAccess,
  allow(READ),
  validate('param', AssessmentParams),
  validate('query', recommendationsOp.query),
  async (c) => {
    const input = await recommendationInput(c, c.req.valid('param').id, c.req.valid('query').budget)
    const started = performance.now()
    const body = recommend(input)
    c.header('Server-Timing', `recommend;dur=${(performance.now() - started).toFixed(2)}`, { append: true })
    return c.json(body, 200)
  },
)
