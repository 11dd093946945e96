import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { readBody, validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams, ImportRespondents, ImportResult, RemindersSent, Respondent, RespondentParams } from '../../schema/api/assessments'
import { PageQuery, pageOf } from '../../schema/api/common'
import { deleteUninvitedRespondent, findRespondent, insertRespondents, listRespondentEmails, listRespondents, type RespondentRow } from '../db/respondents'
import { listUnits } from '../db/units'
import { listVerifiedDomains } from '../db/org-domains'
import { listMembers } from '../db/members'
import { listPendingInvitations } from '../db/member-invitations'
import { allow, checkPolicy, READ, WRITE } from '../middleware/org-access'
import { appOrigin } from '../middleware/origin'
import { decodeCursor, toPage } from '../lib/pagination'
import { newId } from '../lib/crypto'
import { audit } from '../services/audit'
import { inviteAdded, sendReminders } from '../services/rounds/invitations'
import { planImport, rowsFromCsv, rowsFromJson } from '../services/rounds/import'
import { tokenHashesOf } from '../services/rounds/tokens'
import { conflict, loadRound, orgAccess } from '../services/rounds/load'

const T = 'respondents'
op({ method: 'get', path: '/orgs/{org}/assessments/{id}/respondents', summary: 'Respondents and whether they were invited (never whether they started or submitted, never answers or times)', tag: T, access: 'org', params: AssessmentParams, query: PageQuery, responses: { 200: { description: 'Respondents', schema: pageOf(Respondent) } } })
const importOp = op({ method: 'post', path: '/orgs/{org}/assessments/{id}/respondents', summary: 'Add respondents from JSON or CSV (email,name,role,unit); invited at once while open. Addresses must be in a verified domain; plus-aliases, other spellings of one mailbox and the organisation’s owners and admins are refused per row', tag: T, access: 'org', params: AssessmentParams, body: ImportRespondents, csv: true, responses: { 201: { description: 'What was added, skipped and why rows failed', schema: ImportResult } } })
op({ method: 'delete', path: '/orgs/{org}/assessments/{id}/respondents/{rid}', summary: 'Remove a respondent who has not been invited yet', tag: T, access: 'org', params: RespondentParams, responses: { 204: { description: 'Removed' } } })
op({ method: 'post', path: '/orgs/{org}/assessments/{id}/reminders', summary: 'Remind everyone invited who has not submitted (at most once per 24 hours each)', tag: T, access: 'org', params: AssessmentParams, responses: { 200: { description: 'Reminders queued', schema: RemindersSent } } })

/**
 * A respondent as the organisation sees them: whether their invitation has gone out (`added` or
 * `invited`), never whether they started or submitted. Polling the list must not show a named
 * person flip to submitted (model.md §4); reminders choose the unsubmitted on the server.
 */
const toRespondent = (r: RespondentRow) => ({ id: r.id, email: r.email, name: r.name, role: r.role, unitId: r.unitId, status: r.status === 'added' ? ('added' as const) : ('invited' as const) })

export const respondentRoutes = new Hono<AppEnv>()
  .get('/respondents', orgAccess, allow(READ), validate('param', AssessmentParams), validate('query', PageQuery), async (c) => {
    const round = await loadRound(c, c.req.valid('param').id)
    const q = c.req.valid('query')
    const limit = q.limit ?? 50
    const rows = await listRespondents(c.get('db'), round.orgId, round.id, limit, decodeCursor(q.cursor))
    return c.json(toPage(rows, limit, toRespondent), 200)
  })
  .post('/respondents', orgAccess, validate('param', AssessmentParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const round = await loadRound(c, c.req.valid('param').id, WRITE)
    const body = await readBody(c, importOp.body, { csv: true })
    const rows = body.kind === 'csv' ? rowsFromCsv(body.text) : rowsFromJson(body.data)
    if (round.status === 'closed') throw conflict('Omgången är stängd.', 'The round is closed.')
    const now = new Date().toISOString()
    const [units, existing, verifiedDomains, members, invited] = await Promise.all([
      listUnits(db, org.id),
      listRespondentEmails(db, org.id, round.id),
      listVerifiedDomains(db, org.id),
      listMembers(db, org.id),
      listPendingInvitations(db, org.id, now),
    ])
    // Owners and admins see results, so they may not answer; one invited to such a role counts
    // already, or an admin could plant a second mailbox as a respondent and then make it an admin.
    const reads = (role: string) => role === 'owner' || role === 'admin'
    const adminEmails = [...members.filter((m) => reads(m.role)).map((m) => m.email), ...invited.filter((i) => reads(i.role)).map((i) => i.email)]
    const plan = planImport(rows, units, existing, c.get('lang'), { verifiedDomains, adminEmails })
    const ids = plan.rows.map(() => newId('rsp'))
    const hashes = await tokenHashesOf(c.env, ids)
    const fresh = plan.rows.map((r, i) => ({ ...r, id: ids[i], tokenHash: hashes[i] }))
    const added = await insertRespondents(db, org.id, round.id, fresh, new Date().toISOString())
    if (round.status === 'open' && added > 0) await inviteAdded(c.env, db, { org, round, origin: appOrigin(c) })
    // Who added whom: the actor comes from the credential, the ids name the rows added.
    await audit(c, org.id, 'assessment.respondents.add', round.id, { added, skipped: plan.skipped, errors: plan.errors.length, respondents: ids })
    return c.json({ added, skipped: plan.skipped + (fresh.length - added), errors: plan.errors }, 201)
  })
  .delete('/respondents/:rid', orgAccess, validate('param', RespondentParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const { id, rid } = c.req.valid('param')
    const round = await loadRound(c, id)
    const respondent = await findRespondent(db, org.id, round.id, rid)
    if (!respondent) throw new ApiError('NOT_FOUND', { sv: 'Respondenten finns inte.', en: 'No such respondent.' })
    checkPolicy(c, WRITE)
    // Once invited, nobody is removed, answered or not: a 204 for some and a 409 for others would
    // tell who has submitted.
    const invited = () => conflict('Den som har fått sin inbjudan kan inte tas bort.', 'A respondent who has been invited cannot be removed.')
    if (respondent.status !== 'added') throw invited()
    if (!(await deleteUninvitedRespondent(db, org.id, round.id, rid))) throw invited()
    await audit(c, org.id, 'assessment.respondents.delete', round.id, { respondent: rid })
    return c.body(null, 204)
  })
  .post('/reminders', orgAccess, validate('param', AssessmentParams), async (c) => {
    const org = c.get('org')
    const round = await loadRound(c, c.req.valid('param').id, WRITE)
    if (round.status !== 'open') throw conflict('Påminnelser går bara att skicka medan omgången är öppen.', 'Reminders can only be sent while the round is open.')
    const sent = await sendReminders(c.env, c.get('db'), { org, round, origin: appOrigin(c) })
    await audit(c, org.id, 'assessment.remind', round.id, { sent })
    return c.json({ sent }, 200)
  })
