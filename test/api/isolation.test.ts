import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { extraIds } from '../helpers/isolation-ids'
import { addMemberAndSignIn, createKey, seedOrg, type SeededOrg } from '../helpers/seed-org'

interface Operation {
  method: string
  path: string
  access: string
}

async function orgOperations(): Promise<Operation[]> {
  const doc = await json(await call('/api/v1/openapi.json'))
  const ops: Operation[] = []
  for (const [path, item] of Object.entries<Record<string, { 'x-access': string }>>(doc.paths))
    for (const [method, op] of Object.entries(item)) ops.push({ method: method.toUpperCase(), path: path.replace('/api/v1', ''), access: op['x-access'] })
  return ops.filter((o) => o.access === 'org')
}

/** Real ids of org A's rows for every path parameter, so a route that forgets the org check would find them. */
async function idsOf(a: SeededOrg): Promise<Record<string, string>> {
  const unit = await json(await call(`/api/v1/orgs/${a.slug}/units`, { cookie: a.cookie, body: { name: 'Isolerad enhet' } }))
  const member = await addMemberAndSignIn(a, 'analyst')
  const key = await json(await call(`/api/v1/orgs/${a.slug}/api-keys`, { cookie: a.cookie, body: { name: 'k', scope: 'read' } }))
  return { org: a.slug, unitId: unit.id, userId: member.userId, keyId: key.id }
}

describe('tenant isolation over every organisation-scoped operation', () => {
  it('answers 404 to a member, a session and API keys of another organisation', { timeout: 60_000 }, async () => {
    const a = await seedOrg()
    const b = await seedOrg()
    const ids = await idsOf(a)
    // Extra ids (assessments, respondents, initiatives, webhooks…) get a real row of A where a seeder exists.
    Object.assign(ids, await extraIds(a))
    const bKeyWrite = await createKey(b, 'write')
    const bKeyRead = await createKey(b, 'read')
    const bAdmin = await addMemberAndSignIn(b, 'admin')
    const ops = await orgOperations()
    expect(ops.length).toBeGreaterThan(10)
    const failures: string[] = []
    for (const op of ops) {
      const path = op.path.replace(/([\w-]+)\/\{(\w+)\}/g, (_, segment: string, name: string) => `${segment}/${ids[`${segment}/${name}`] ?? ids[name] ?? `${name}_unknown`}`)
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(op.method)
      for (const [label, cred] of [
        ['owner session of B', { cookie: b.cookie }],
        ['admin session of B', { cookie: bAdmin.cookie }],
        ['write key of B', { key: bKeyWrite }],
        ['read key of B', { key: bKeyRead }],
      ] as const) {
        const res = await call(`/api/v1${path}`, { method: op.method, ...cred, ...(hasBody ? { body: {} } : {}) })
        if (res.status !== 404) failures.push(`${op.method} ${op.path} with ${label}: ${res.status}`)
      }
    }
    expect(failures).toEqual([])
    // Nothing of A was touched.
    expect((await call(`/api/v1/orgs/${a.slug}`, { cookie: a.cookie })).status).toBe(200)
    expect((await json(await call(`/api/v1/orgs/${a.slug}/units`, { cookie: a.cookie }))).items).toHaveLength(1)
  })

  it('answers 401 to every organisation-scoped operation without a credential', async () => {
    const a = await seedOrg()
    for (const op of await orgOperations()) {
      const res = await call(`/api/v1${op.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === 'org' ? a.slug : 'x'))}`, { method: op.method })
      expect(res.status, `${op.method} ${op.path}`).toBe(401)
    }
  })
})
