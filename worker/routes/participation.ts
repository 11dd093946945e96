import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams, Participation } from '../../schema/api/assessments'
import { countParticipation } from '../db/respondents'
import { saveParticipationSnapshot } from '../db/assessments'
import { countOutboxBatch } from '../db/mail'
import { allow, READ } from '../middleware/org-access'
import { loadRound, orgAccess } from '../services/rounds/load'
import { roundK } from '../services/rounds/lifecycle'
import { participationStale, participationSummary, type ParticipationCell } from '../domain'

op({ method: 'get', path: '/orgs/{org}/assessments/{id}/participation', summary: 'Participation counts (recounted at most every 10 minutes; groups below k hidden) and mail sending progress', tag: 'respondents', access: 'org', params: AssessmentParams, responses: { 200: { description: 'Participation', schema: Participation } } })

/**
 * Participation is counts, never persons (model.md §4). The counts are a snapshot recounted at
 * most every 10 minutes, so polling cannot time one person's submission; groups are suppressed
 * at read time with the round's current k. A draft is counted live: nobody can answer it yet.
 * Sending progress is live: it tells about mail, not about respondents.
 */
export const participationRoutes = new Hono<AppEnv>().get('/', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
  const db = c.get('db')
  const round = await loadRound(c, c.req.valid('param').id)
  const now = Date.now()
  let cells: ParticipationCell[]
  let asOf: string
  if (round.status !== 'draft' && round.participation && !participationStale(round.participationAsOf, now)) {
    cells = round.participation
    asOf = round.participationAsOf!
  } else {
    cells = await countParticipation(db, round.orgId, round.id)
    asOf = new Date(now).toISOString()
    if (round.status !== 'draft') {
      const stored = await saveParticipationSnapshot(db, round.orgId, round.id, cells, asOf, round.participationAsOf)
      if (stored?.participation && stored.participationAsOf) {
        cells = stored.participation
        asOf = stored.participationAsOf
      }
    }
  }
  const k = roundK(round, c.get('org').anonymityThreshold)
  const { total, byRole, byUnit } = participationSummary(cells, k)
  const sending = await countOutboxBatch(db, round.orgId, round.id)
  return c.json({ ...total, asOf, k, sending, byRole, byUnit }, 200)
})
