import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { readBody, validate } from '../validate'
import { op } from '../openapi/registry'
import { CreateUnit, PatchUnit, Unit, UnitParams } from '../../schema/api/members'
import { pageOf } from '../../schema/api/common'
import { countChildren, deleteUnit, findUnit, findUnitByName, insertUnit, listUnits, updateUnit, type UnitRow } from '../db/units'
import { allow, READ, requireOrgAccess, WRITE } from '../middleware/org-access'
import { newId } from '../lib/crypto'
import { audit } from '../services/audit'
import { UNIT_IN_USE_CHECKS } from '../hooks'

op({ method: 'get', path: '/orgs/{org}/units', summary: 'The organisation tree (all units, one page up to 200)', tag: 'units', access: 'org', responses: { 200: { description: 'Units', schema: pageOf(Unit) } } })
const createOp = op({ method: 'post', path: '/orgs/{org}/units', summary: 'Add a unit', tag: 'units', access: 'org', body: CreateUnit, responses: { 201: { description: 'Created', schema: Unit } } })
const patchOp = op({ method: 'patch', path: '/orgs/{org}/units/{unitId}', summary: 'Rename or move a unit', tag: 'units', access: 'org', params: UnitParams, body: PatchUnit, responses: { 200: { description: 'The unit', schema: Unit } } })
op({ method: 'delete', path: '/orgs/{org}/units/{unitId}', summary: 'Delete a unit without children or respondents', tag: 'units', access: 'org', params: UnitParams, responses: { 204: { description: 'Deleted' } } })

const toUnit = (u: UnitRow) => ({ id: u.id, name: u.name, parentId: u.parentId, createdAt: u.createdAt })
const notFound = () => new ApiError('NOT_FOUND', { sv: 'Enheten finns inte.', en: 'No such unit.' })
const conflict = (sv: string, en: string) => new ApiError('CONFLICT', { sv, en })
const duplicateName = () => conflict('Det finns redan en enhet med det namnet.', 'A unit with that name already exists.')
const parentMissing = () =>
  new ApiError('VALIDATION_FAILED', { sv: 'Överordnad enhet finns inte.', en: 'The parent unit does not exist.' }, { errors: [{ path: '/parentId', message: 'Unknown unit' }] })

/** True when making `parentId` the parent of `unitId` would close a loop in the tree. */
function makesCycle(all: UnitRow[], unitId: string, parentId: string): boolean {
  const parentOf = new Map(all.map((u) => [u.id, u.parentId]))
  for (let at: string | null | undefined = parentId, steps = 0; at; at = parentOf.get(at), steps++) {
    if (at === unitId || steps > all.length) return true
  }
  return false
}

export const unitRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(READ), async (c) => {
    const rows = await listUnits(c.get('db'), c.get('org').id)
    return c.json({ items: rows.map(toUnit), nextCursor: null }, 200)
  })
  .post('/', allow(WRITE), validate('json', createOp.body), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const input = c.req.valid('json')
    if (input.parentId && !(await findUnit(db, org.id, input.parentId))) throw parentMissing()
    if (await findUnitByName(db, org.id, input.name)) throw duplicateName()
    try {
      const row = await insertUnit(db, { id: newId('unt'), orgId: org.id, name: input.name, parentId: input.parentId ?? null, createdAt: new Date().toISOString() })
      await audit(c, org.id, 'unit.create', row.id, { name: row.name })
      return c.json(toUnit(row), 201)
    } catch (err) {
      if (String(err).includes('UNIQUE')) throw duplicateName()
      throw err
    }
  })
  .patch('/:unitId', allow(WRITE), validate('param', UnitParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const unit = await findUnit(db, org.id, c.req.valid('param').unitId)
    if (!unit) throw notFound()
    const body = await readBody(c, patchOp.body)
    const patch = body.kind === 'json' ? body.data : {}
    // An empty merge patch changes nothing (RFC 7396): the unit as it is, nothing written.
    if (Object.keys(patch).length === 0) return c.json(toUnit(unit), 200)
    if (patch.parentId) {
      const all = await listUnits(db, org.id)
      if (!all.some((u) => u.id === patch.parentId)) throw parentMissing()
      if (makesCycle(all, unit.id, patch.parentId)) throw conflict('Flytten skulle skapa en cykel i trädet.', 'The move would create a cycle in the tree.')
    }
    if (patch.name && patch.name !== unit.name && (await findUnitByName(db, org.id, patch.name))) throw duplicateName()
    const row = (await updateUnit(db, org.id, unit.id, patch))!
    await audit(c, org.id, 'unit.update', unit.id, patch)
    return c.json(toUnit(row), 200)
  })
  .delete('/:unitId', allow(WRITE), validate('param', UnitParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const unit = await findUnit(db, org.id, c.req.valid('param').unitId)
    if (!unit) throw notFound()
    if ((await countChildren(db, org.id, unit.id)) > 0) throw conflict('Enheten har underenheter.', 'The unit has child units.')
    for (const inUse of UNIT_IN_USE_CHECKS) if (await inUse(c, org.id, unit.id)) throw conflict('Enheten har respondenter.', 'The unit has respondents.')
    await deleteUnit(db, org.id, unit.id)
    await audit(c, org.id, 'unit.delete', unit.id)
    return c.body(null, 204)
  })
