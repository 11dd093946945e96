import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { readBody, validate } from '../validate'
import { op } from '../openapi/registry'
import { Assessment, AssessmentParams, CreateAssessment, PatchAssessment, Results, ResultsQuery } from '../../schema/api/assessments'
import { PageQuery, pageOf } from '../../schema/api/common'
import { LATEST_INSTRUMENT_VERSION } from '../../schema/instruments'
import { deleteDraftAssessment, insertAssessment, listAssessments, updateAssessmentIn, type NewAssessment } from '../db/assessments'
import { findResults } from '../db/results'
import { allow, READ, WRITE } from '../middleware/org-access'
import { appOrigin } from '../middleware/origin'
import { decodeCursor, toPage } from '../lib/pagination'
import { newId } from '../lib/crypto'
import { audit } from '../services/audit'
import { closeRound, refreshResults, roundK, settleRound } from '../services/rounds/lifecycle'
import { inviteAdded } from '../services/rounds/invitations'
import { emitRoundEvent } from '../hooks'
import { conflict, futureClosesAt, knownVersion, loadRound, orgAccess, toAssessment } from '../services/rounds/load'

const T = 'assessments'
op({ method: 'get', path: '/orgs/{org}/assessments', summary: 'Assessment rounds, newest first', tag: T, access: 'org', query: PageQuery, responses: { 200: { description: 'Rounds', schema: pageOf(Assessment) } } })
const createOp = op({ method: 'post', path: '/orgs/{org}/assessments', summary: 'Create a draft round', tag: T, access: 'org', body: CreateAssessment, responses: { 201: { description: 'Created', schema: Assessment } } })
op({ method: 'get', path: '/orgs/{org}/assessments/{id}', summary: 'One round', tag: T, access: 'org', params: AssessmentParams, responses: { 200: { description: 'The round', schema: Assessment } } })
const patchOp = op({ method: 'patch', path: '/orgs/{org}/assessments/{id}', summary: 'Change a round: any field while draft, name and closesAt while open', tag: T, access: 'org', params: AssessmentParams, body: PatchAssessment, responses: { 200: { description: 'The round', schema: Assessment } } })
op({ method: 'delete', path: '/orgs/{org}/assessments/{id}', summary: 'Delete a draft round', tag: T, access: 'org', params: AssessmentParams, responses: { 204: { description: 'Deleted' } } })
op({ method: 'post', path: '/orgs/{org}/assessments/{id}/open', summary: 'Open a draft round and invite its respondents', tag: T, access: 'org', params: AssessmentParams, responses: { 200: { description: 'The round', schema: Assessment } } })
op({ method: 'post', path: '/orgs/{org}/assessments/{id}/close', summary: 'Close an open round and freeze its results', tag: T, access: 'org', params: AssessmentParams, responses: { 200: { description: 'The round', schema: Assessment } } })
const resultsOp = op({ method: 'get', path: '/orgs/{org}/assessments/{id}/results', summary: 'Results of a closed round (412 not_closed / below_threshold)', tag: T, access: 'org', params: AssessmentParams, query: ResultsQuery, responses: { 200: { description: 'Results', schema: Results } } })

const OPEN_FIELDS = new Set(['name', 'closesAt'])
const notClosed = () => new ApiError('PRECONDITION_FAILED', { sv: 'Resultat finns först när omgången är stängd.', en: 'Results exist only once the round is closed.' }, { reason: 'not_closed' })
const belowThreshold = () =>
  new ApiError('PRECONDITION_FAILED', { sv: 'För få svar för att visa resultat utan att röja enskilda.', en: 'Too few responses to show results without revealing individuals.' }, { reason: 'below_threshold' })

export const assessmentRoutes = new Hono<AppEnv>()
  .get('/', orgAccess, allow(READ), validate('query', PageQuery), async (c) => {
    const q = c.req.valid('query')
    const limit = q.limit ?? 50
    const org = c.get('org')
    const rows = await listAssessments(c.get('db'), org.id, limit, decodeCursor(q.cursor))
    const settled = await Promise.all(rows.map((r) => settleRound(c.get('db'), r, org.anonymityThreshold)))
    return c.json(toPage(settled, limit, toAssessment), 200)
  })
  .post('/', orgAccess, allow(WRITE), validate('json', createOp.body), async (c) => {
    const org = c.get('org')
    const lang = c.get('lang')
    const input = c.req.valid('json')
    const row = await insertAssessment(c.get('db'), {
      id: newId('asm'),
      orgId: org.id,
      name: input.name,
      form: input.form,
      language: input.language ?? 'sv',
      instrumentVersion: knownVersion(input.instrumentVersion ?? LATEST_INSTRUMENT_VERSION, lang),
      status: 'draft',
      closesAt: futureClosesAt(input.closesAt, lang) ?? null,
      createdAt: new Date().toISOString(),
    })
    await audit(c, org.id, 'assessment.create', row.id, { name: row.name })
    return c.json(toAssessment(row), 201)
  })
  .get('/:id', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
    return c.json(toAssessment(await loadRound(c, c.req.valid('param').id)), 200)
  })
  .patch('/:id', orgAccess, validate('param', AssessmentParams), async (c) => {
    const org = c.get('org')
    const lang = c.get('lang')
    const round = await loadRound(c, c.req.valid('param').id, WRITE)
    const body = await readBody(c, patchOp.body)
    const patch = body.kind === 'json' ? body.data : {}
    const set: Partial<NewAssessment> = {}
    if (patch.name !== undefined) set.name = patch.name
    if (patch.form !== undefined) set.form = patch.form
    if (patch.language !== undefined) set.language = patch.language
    if (patch.instrumentVersion !== undefined) set.instrumentVersion = knownVersion(patch.instrumentVersion, lang)
    if (patch.closesAt !== undefined) set.closesAt = futureClosesAt(patch.closesAt, lang)
    if (round.status === 'closed') throw conflict('En stängd omgång kan inte ändras.', 'A closed round cannot be changed.')
    if (round.status === 'open' && Object.keys(patch).some((k) => !OPEN_FIELDS.has(k)))
      throw conflict('En öppen omgång kan bara byta namn och sista svarstid.', 'An open round can only change its name and closing time.')
    const updated = Object.keys(set).length ? await updateAssessmentIn(c.get('db'), org.id, round.id, round.status, set) : round
    if (!updated) throw conflict('Omgången ändrades samtidigt; försök igen.', 'The round changed meanwhile; try again.')
    await audit(c, org.id, 'assessment.update', round.id, { changed: Object.keys(patch) })
    return c.json(toAssessment(updated), 200)
  })
  .delete('/:id', orgAccess, validate('param', AssessmentParams), async (c) => {
    const org = c.get('org')
    const round = await loadRound(c, c.req.valid('param').id, WRITE)
    if (round.status !== 'draft' || !(await deleteDraftAssessment(c.get('db'), org.id, round.id)))
      throw conflict('Bara ett utkast kan tas bort.', 'Only a draft round can be deleted.')
    await audit(c, org.id, 'assessment.delete', round.id, { name: round.name })
    return c.body(null, 204)
  })
  .post('/:id/open', orgAccess, validate('param', AssessmentParams), async (c) => {
    const org = c.get('org')
    const db = c.get('db')
    const round = await loadRound(c, c.req.valid('param').id, WRITE)
    if (round.status !== 'draft') throw conflict('Bara ett utkast kan öppnas.', 'Only a draft round can be opened.')
    if (round.closesAt && Date.parse(round.closesAt) <= Date.now())
      throw conflict('Sista svarstiden har redan passerat; ändra den först.', 'The closing time has already passed; change it first.')
    const opened = await updateAssessmentIn(db, org.id, round.id, 'draft', { status: 'open', openedAt: new Date().toISOString(), kAtOpen: org.anonymityThreshold })
    if (!opened) throw conflict('Bara ett utkast kan öppnas.', 'Only a draft round can be opened.')
    await inviteAdded(c.env, db, { org, round: opened, origin: appOrigin(c) })
    await audit(c, org.id, 'assessment.open', round.id)
    await emitRoundEvent(db, { type: 'assessment.opened', round: opened })
    return c.json(toAssessment(opened), 200)
  })
  .post('/:id/close', orgAccess, validate('param', AssessmentParams), async (c) => {
    const org = c.get('org')
    const round = await loadRound(c, c.req.valid('param').id, WRITE)
    const notOpen = () => conflict('Bara en öppen omgång kan stängas.', 'Only an open round can be closed.')
    if (round.status !== 'open') throw notOpen()
    const { round: closed, closedNow } = await closeRound(c.get('db'), round, org.anonymityThreshold, new Date().toISOString())
    if (!closedNow) throw notOpen()
    await audit(c, org.id, 'assessment.close', round.id)
    return c.json(toAssessment(closed), 200)
  })
  .get('/:id/results', orgAccess, allow(READ), validate('param', AssessmentParams), validate('query', resultsOp.query), async (c) => {
    const org = c.get('org')
    const db = c.get('db')
    const round = await loadRound(c, c.req.valid('param').id)
    if (round.status !== 'closed') throw notClosed()
    let stored = await findResults(db, org.id, round.id)
    // Self-healing: a close interrupted after its status flip, or a threshold hook that failed.
    if (!stored || stored.k !== roundK(round, org.anonymityThreshold)) {
      await refreshResults(db, round, org.anonymityThreshold)
      stored = await findResults(db, org.id, round.id)
    }
    if (!stored?.body) throw belowThreshold()
    const { results, breakdowns } = JSON.parse(stored.body) as { results: object; breakdowns: Record<'role' | 'unit', object[]> }
    const by = c.req.valid('query').breakdown
    return c.json({ ...results, ...(by ? { breakdown: breakdowns[by] } : {}) }, 200)
  })
