import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams, Participation } from '../../schema/api/assessments'
import { RESPONDENT_ROLES, type RespondentStatus } from '../../schema/enums'
import { countParticipation } from '../db/respondents'
import { countOutboxBatch } from '../db/mail'
import { allow, READ } from '../middleware/org-access'
import { loadRound, orgAccess } from '../services/rounds'

op({ method: 'get', path: '/orgs/{org}/assessments/{id}/participation', summary: 'Cumulative participation counts by role and unit, and mail sending progress', tag: 'respondents', access: 'org', params: AssessmentParams, responses: { 200: { description: 'Participation', schema: Participation } } })

interface Counts {
  invited: number
  started: number
  submitted: number
}

// Cumulative: whoever submitted has also started and been invited; `added` is not yet invited.
const CUMULATIVE: Record<RespondentStatus, (keyof Counts)[]> = {
  added: [],
  invited: ['invited'],
  started: ['invited', 'started'],
  submitted: ['invited', 'started', 'submitted'],
}

const empty = (): Counts => ({ invited: 0, started: 0, submitted: 0 })
const withRate = (c: Counts) => ({ ...c, rate: c.invited > 0 ? c.submitted / c.invited : null })

/** Participation is counts, not answers, so it is shown without suppression (api.md). */
export const participationRoutes = new Hono<AppEnv>().get('/', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
  const db = c.get('db')
  const round = await loadRound(c, c.req.valid('param').id)
  const [groups, sending] = await Promise.all([countParticipation(db, round.orgId, round.id), countOutboxBatch(db, round.orgId, round.id)])
  const total = empty()
  const byRole = new Map<string, Counts>()
  const byUnit = new Map<string | null, Counts>()
  for (const g of groups) {
    const role = byRole.get(g.role) ?? empty()
    const unit = byUnit.get(g.unitId) ?? empty()
    for (const key of CUMULATIVE[g.status]) {
      total[key] += g.n
      role[key] += g.n
      unit[key] += g.n
    }
    byRole.set(g.role, role)
    byUnit.set(g.unitId, unit)
  }
  const roles = RESPONDENT_ROLES.filter((r) => byRole.has(r)).map((role) => ({ role, ...withRate(byRole.get(role)!) }))
  // Units by id, respondents without a unit (null) last: a stable order for tables and charts.
  const unitIds = [...byUnit.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
  const units = unitIds.map((unitId) => ({ unitId, ...withRate(byUnit.get(unitId)!) }))
  return c.json({ ...withRate(total), sending, byRole: roles, byUnit: units }, 200)
})
