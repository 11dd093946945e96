import { Hono } from 'hono'
import * as z from 'zod/mini'
import type { AppEnv } from '../env'
import { ApiError, type FieldError } from '../errors'
import { readBody, validate } from '../validate'
import { op } from '../openapi/registry'
import {
  CreateInitiative, ImportResult, Initiative, InitiativePage, InitiativeParams, InitiativeQuery, PatchInitiative,
  type CreateInitiative as CreateInput, type Initiative as InitiativeOut,
} from '../../schema/api/initiatives'
import {
  deleteInitiative, findInitiative, insertInitiative, insertInitiatives, listInitiatives, ownerKeyOf, replaceInitiative,
  type InitiativeRow, type NewInitiativeRow,
} from '../db/initiatives'
import { allow, checkPolicy, READ, requireOrgAccess, type Policy } from '../middleware/org-access'
import { decodeCursor, toPage } from '../lib/pagination'
import { newId } from '../lib/crypto'
import { audit } from '../services/audit'
import { readInitiativesCsv } from '../services/portfolio/initiatives-csv'

/** Portfolio work is an analyst's job too, so analysts write initiatives; read keys never do. */
export const INITIATIVE_WRITE: Policy = { roles: ['owner', 'admin', 'analyst'], key: 'write' }

op({ method: 'get', path: '/orgs/{org}/initiatives', summary: 'Initiatives, newest first, filtered by status, kind, factor or owner', tag: 'initiatives', access: 'org', query: InitiativeQuery, responses: { 200: { description: 'A page of initiatives', schema: InitiativePage } } })
op({ method: 'post', path: '/orgs/{org}/initiatives', summary: 'Add an initiative (JSON) or import many (text/csv)', tag: 'initiatives', access: 'org', body: CreateInitiative, csv: true, responses: { 201: { description: 'The initiative (JSON body) or the import result `{ added, errors }` (CSV body; 413 above 5,000 rows)', schema: z.union([Initiative, ImportResult]) } } })
op({ method: 'get', path: '/orgs/{org}/initiatives/{id}', summary: 'One initiative', tag: 'initiatives', access: 'org', params: InitiativeParams, responses: { 200: { description: 'The initiative', schema: Initiative } } })
op({ method: 'patch', path: '/orgs/{org}/initiatives/{id}', summary: 'Change an initiative (JSON merge patch; lists are replaced whole)', tag: 'initiatives', access: 'org', params: InitiativeParams, body: PatchInitiative, responses: { 200: { description: 'The initiative', schema: Initiative } } })
op({ method: 'delete', path: '/orgs/{org}/initiatives/{id}', summary: 'Delete an initiative', tag: 'initiatives', access: 'org', params: InitiativeParams, responses: { 204: { description: 'Deleted' } } })

/** The contract shape: optional values are left out rather than null, lists are always arrays. */
export function toInitiative(r: InitiativeRow): InitiativeOut {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    target: r.target,
    factors: r.factors,
    ...(r.cost !== null ? { cost: r.cost } : {}),
    ...(r.owner !== null ? { owner: r.owner } : {}),
    status: r.status,
    pin: r.pin,
    ...(r.pinReason !== null ? { pinReason: r.pinReason } : {}),
    politicalUrgency: r.politicalUrgency,
    technicalUrgency: r.technicalUrgency,
    societalBenefit: r.societalBenefit,
    administrationBenefit: r.administrationBenefit,
    risk: r.risk,
    expectedBenefits: r.expectedBenefits,
    realisedBenefits: r.realisedBenefits,
    statusHistory: r.statusHistory,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

/** A new row from validated input; its status history starts with the first status. */
function newRow(orgId: string, input: CreateInput, now: string): NewInitiativeRow {
  const status = input.status ?? 'idea'
  return {
    id: newId('ini'),
    orgId,
    title: input.title,
    description: input.description ?? '',
    kind: input.kind,
    target: input.target,
    factors: input.factors,
    cost: input.cost ?? null,
    owner: input.owner ?? null,
    ownerKey: ownerKeyOf(input.owner),
    status,
    pin: input.pin ?? 'auto',
    pinReason: input.pinReason ?? null,
    politicalUrgency: input.politicalUrgency,
    technicalUrgency: input.technicalUrgency,
    societalBenefit: input.societalBenefit,
    administrationBenefit: input.administrationBenefit,
    risk: input.risk,
    expectedBenefits: input.expectedBenefits ?? [],
    realisedBenefits: input.realisedBenefits ?? [],
    statusHistory: [{ status, at: now }],
    createdAt: now,
    updatedAt: now,
  }
}

/** A realised benefit may point at an expected one only by an index that exists. */
function checkBenefitLinks(row: NewInitiativeRow) {
  const expected = row.expectedBenefits ?? []
  const realised = row.realisedBenefits ?? []
  const errors: FieldError[] = []
  realised.forEach((benefit, i) => {
    if (benefit.expectedIndex !== undefined && benefit.expectedIndex >= expected.length)
      errors.push({ path: `/realisedBenefits/${i}/expectedIndex`, message: 'No such expected benefit' })
  })
  if (errors.length)
    throw new ApiError('VALIDATION_FAILED', { sv: 'Ett realiserat värde pekar på en förväntad nytta som inte finns.', en: 'A realised benefit refers to an expected benefit that does not exist.' }, { errors })
}

/** Applies a merge patch to a stored row: lists replace, null removes, a new status is appended to the history. */
function patchedRow(current: InitiativeRow, patch: PatchInitiative, now: string): NewInitiativeRow {
  const next: NewInitiativeRow = { ...current }
  const { factors, cost, owner, pinReason, expectedBenefits, realisedBenefits, status, ...plain } = patch
  Object.assign(next, plain)
  if (factors !== undefined) next.factors = factors
  if (cost !== undefined) next.cost = cost
  if (owner !== undefined) {
    next.owner = owner
    next.ownerKey = ownerKeyOf(owner)
  }
  if (pinReason !== undefined) next.pinReason = pinReason
  if (expectedBenefits !== undefined) next.expectedBenefits = expectedBenefits ?? []
  if (realisedBenefits !== undefined) next.realisedBenefits = realisedBenefits ?? []
  if (status !== undefined && status !== current.status) {
    next.status = status
    next.statusHistory = [...current.statusHistory, { status, at: now }]
  }
  if (Object.keys(patch).length > 0) next.updatedAt = now
  return next
}

const notFound = () => new ApiError('NOT_FOUND', { sv: 'Initiativet finns inte.', en: 'No such initiative.' })

export const initiativeRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(READ), validate('query', InitiativeQuery), async (c) => {
    const q = c.req.valid('query')
    const limit = q.limit ?? 50
    const filter = { status: q.status, kind: q.kind, factor: q.factor, ownerKey: ownerKeyOf(q.owner) ?? undefined }
    const rows = await listInitiatives(c.get('db'), c.get('org').id, filter, limit, decodeCursor(q.cursor))
    return c.json(toPage(rows, limit, toInitiative), 200)
  })
  .post('/', allow(INITIATIVE_WRITE), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const body = await readBody(c, CreateInitiative, { csv: true })
    const now = new Date().toISOString()
    if (body.kind === 'csv') {
      const { rows, errors } = readInitiativesCsv(body.text, c.get('lang'))
      await insertInitiatives(db, org.id, rows.map((r) => newRow(org.id, r.data, now)))
      await audit(c, org.id, 'initiative.import', null, { added: rows.length, errors: errors.length })
      return c.json({ added: rows.length, errors }, 201)
    }
    const row = newRow(org.id, body.data, now)
    checkBenefitLinks(row)
    const saved = await insertInitiative(db, row)
    await audit(c, org.id, 'initiative.create', saved.id, { title: saved.title })
    return c.json(toInitiative(saved), 201)
  })
  .get('/:id', allow(READ), validate('param', InitiativeParams), async (c) => {
    const row = await findInitiative(c.get('db'), c.get('org').id, c.req.valid('param').id)
    if (!row) throw notFound()
    return c.json(toInitiative(row), 200)
  })
  // Row first, then role: the documented precedence is 404 before 403.
  .patch('/:id', validate('param', InitiativeParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const current = await findInitiative(db, org.id, c.req.valid('param').id)
    if (!current) throw notFound()
    checkPolicy(c, INITIATIVE_WRITE)
    const body = await readBody(c, PatchInitiative)
    const patch = body.kind === 'json' ? body.data : {}
    const next = patchedRow(current, patch, new Date().toISOString())
    checkBenefitLinks(next)
    const saved = await replaceInitiative(db, org.id, next)
    if (!saved) throw notFound()
    const detail = { fields: Object.keys(patch), ...(next.status !== current.status ? { status: { from: current.status, to: next.status } } : {}) }
    await audit(c, org.id, 'initiative.update', saved.id, detail)
    return c.json(toInitiative(saved), 200)
  })
  .delete('/:id', validate('param', InitiativeParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const current = await findInitiative(db, org.id, c.req.valid('param').id)
    if (!current) throw notFound()
    checkPolicy(c, INITIATIVE_WRITE)
    await deleteInitiative(db, org.id, current.id)
    await audit(c, org.id, 'initiative.delete', current.id, { title: current.title })
    return c.body(null, 204)
  })
