import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams } from '../../schema/api/assessments'
import { CompetencePlan } from '../../schema/api/recommendations'
import { allow, READ } from '../middleware/org-access'
import { orgAccess } from '../services/rounds/load'
import { audit } from '../services/audit'
import { competencePlanCsv, competencePlanFor } from '../services/portfolio/competence-plan'

const T = 'initiatives'
op({ method: 'get', path: '/orgs/{org}/assessments/{id}/competence-plan', summary: 'Competence-development plan: the weakest factors and which roles to train or recruit for what (412 as results)', tag: T, access: 'org', params: AssessmentParams, responses: { 200: { description: 'The plan', schema: CompetencePlan } } })
op({ method: 'get', path: '/orgs/{org}/assessments/{id}/competence-plan.csv', summary: 'The competence-development plan as CSV, one row per factor and role (audited as an export)', tag: T, access: 'org', params: AssessmentParams, responses: { 200: { description: 'CSV (UTF-8)', contentType: 'text/csv' } } })

export const competencePlanRoutes = new Hono<AppEnv>()
  .get('/competence-plan', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
    const { instrument, items } = await competencePlanFor(c, c.req.valid('param').id)
    return c.json({ instrumentVersion: instrument.version, items }, 200)
  })
  .get('/competence-plan.csv', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
    const id = c.req.valid('param').id
    const { items } = await competencePlanFor(c, id)
    await audit(c, c.get('org').id, 'export.competence_plan', id, { rows: items.length })
    return c.body(competencePlanCsv(items), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="competence-plan-${id}.csv"`,
    })
  })
