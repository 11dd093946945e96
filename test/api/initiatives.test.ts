import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { addMemberAndSignIn, createKey, seedOrg, type SeededOrg } from '../helpers/seed-org'

// The machine running the suite may be shared: seeding organisations takes a few seconds under load.
const SLOW = { timeout: 60_000 }

const base = {
  title: 'E-tjänst för bygglov',
  kind: 'efficiency',
  target: 'capability',
  factors: [{ factorId: 'E1', strength: 2 }],
  politicalUrgency: 4,
  technicalUrgency: 3,
  societalBenefit: 5,
  administrationBenefit: 4,
  risk: 2,
}

const pathOf = (org: SeededOrg, id = '') => `/api/v1/orgs/${org.slug}/initiatives${id ? `/${id}` : ''}`
const create = async (org: SeededOrg, body: Record<string, unknown> = {}) => {
  const res = await call(pathOf(org), { cookie: org.cookie, body: { ...base, ...body } })
  expect(res.status).toBe(201)
  return json(res)
}
const titles = async (org: SeededOrg, query: string) => (await json(await call(`${pathOf(org)}?${query}`, { cookie: org.cookie }))).items.map((i: { title: string }) => i.title)
const errorPaths = async (res: Response) => {
  expect(res.status).toBe(400)
  return (await json(res)).errors.map((e: { path: string }) => e.path)
}
const importCsv = (org: SeededOrg, csv: string) => call(pathOf(org), { method: 'POST', cookie: org.cookie, raw: csv, contentType: 'text/csv; charset=utf-8' })

describe('/api/v1/orgs/:org/initiatives', SLOW, () => {
  it('creates with defaults, reads, lists newest first with each filter, and pages', async () => {
    const org = await seedOrg()
    const first = await create(org, { owner: 'Åsa Öberg', cost: 250000 })
    expect(first).toMatchObject({ ...base, description: '', owner: 'Åsa Öberg', cost: 250000, status: 'idea', pin: 'auto', expectedBenefits: [], realisedBenefits: [] })
    expect(first.id).toMatch(/^ini_/)
    expect(first.statusHistory).toEqual([{ status: 'idea', at: first.createdAt }])
    expect(first.pinReason).toBeUndefined()
    await create(org, { title: 'AI-pilot', kind: 'innovation', status: 'planned', factors: [{ factorId: 'I3', strength: 3 }, { factorId: 'E1', strength: 1 }] })
    await create(org, { title: 'Avveckla gammalt ärendesystem', target: 'legacy', status: 'done', factors: [{ factorId: 'T4', strength: 1 }], owner: 'IT-chefen' })

    const got = await call(pathOf(org, first.id), { cookie: org.cookie })
    expect(await json(got)).toEqual(first)
    expect(await titles(org, '')).toEqual(['Avveckla gammalt ärendesystem', 'AI-pilot', 'E-tjänst för bygglov'])
    expect(await titles(org, 'status=planned')).toEqual(['AI-pilot'])
    expect(await titles(org, 'kind=efficiency')).toEqual(['Avveckla gammalt ärendesystem', 'E-tjänst för bygglov'])
    expect(await titles(org, 'factor=E1')).toEqual(['AI-pilot', 'E-tjänst för bygglov'])
    expect(await titles(org, 'factor=B2')).toEqual([])
    expect(await titles(org, `owner=${encodeURIComponent('  åSA öBERG ')}`)).toEqual(['E-tjänst för bygglov'])
    expect(await titles(org, 'owner=it-chefen&status=done&factor=T4')).toEqual(['Avveckla gammalt ärendesystem'])

    const page1 = await json(await call(`${pathOf(org)}?limit=2`, { cookie: org.cookie }))
    expect(page1.items).toHaveLength(2)
    const page2 = await json(await call(`${pathOf(org)}?limit=2&cursor=${page1.nextCursor}`, { cookie: org.cookie }))
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([first.id])
    expect(page2.nextCursor).toBeNull()
  })

  it('patches as a merge patch: lists replaced, null removes, a status change is appended to the history', async () => {
    const org = await seedOrg()
    const item = await create(org, { cost: 100000, owner: 'Kim', pin: 'in', pinReason: 'Beslutat i KS' })
    const benefits = [{ text: 'Kortare handläggning', measure: 'Dagar per ärende', owner: 'Förvaltningschefen', followUpDate: '2026-06-30' }]
    let res = await call(pathOf(org, item.id), {
      method: 'PATCH',
      cookie: org.cookie,
      body: { status: 'ongoing', cost: null, owner: null, pinReason: null, factors: [{ factorId: 'B2', strength: 3 }], expectedBenefits: benefits, realisedBenefits: [{ text: 'Från 30 till 12 dagar', value: 12, realisedOn: '2026-07-01', expectedIndex: 0 }] },
    })
    expect(res.status).toBe(200)
    const patched = await json(res)
    expect(patched).toMatchObject({ title: base.title, status: 'ongoing', pin: 'in', factors: [{ factorId: 'B2', strength: 3 }], expectedBenefits: benefits })
    expect(patched.realisedBenefits[0]).toMatchObject({ value: 12, expectedIndex: 0 })
    expect(patched).not.toHaveProperty('cost')
    expect(patched).not.toHaveProperty('owner')
    expect(patched).not.toHaveProperty('pinReason')
    expect(patched.statusHistory.map((s: { status: string }) => s.status)).toEqual(['idea', 'ongoing'])
    expect(patched.statusHistory[1].at).toBe(patched.updatedAt)

    // The same status again adds nothing; an empty patch changes nothing.
    res = await call(pathOf(org, item.id), { method: 'PATCH', cookie: org.cookie, body: { status: 'ongoing', risk: 5 } })
    expect((await json(res)).statusHistory).toHaveLength(2)
    res = await call(pathOf(org, item.id), { method: 'PATCH', cookie: org.cookie, body: {} })
    expect(await json(res)).toMatchObject({ risk: 5, statusHistory: patched.statusHistory })
    res = await call(pathOf(org, item.id), { method: 'PATCH', cookie: org.cookie, body: { expectedBenefits: null, realisedBenefits: null, status: 'done' } })
    expect(await json(res)).toMatchObject({ expectedBenefits: [], realisedBenefits: [], status: 'done' })

    expect((await call(pathOf(org, item.id), { method: 'DELETE', cookie: org.cookie })).status).toBe(204)
    expect((await call(pathOf(org, item.id), { cookie: org.cookie })).status).toBe(404)
    expect((await call(pathOf(org, item.id), { method: 'DELETE', cookie: org.cookie })).status).toBe(404)
    const log = await json(await call(`/api/v1/orgs/${org.slug}/audit-log`, { cookie: org.cookie }))
    const actions = log.items.filter((e: { target: string }) => e.target === item.id).map((e: { action: string }) => e.action)
    expect(actions).toEqual(['initiative.delete', 'initiative.update', 'initiative.update', 'initiative.update', 'initiative.update', 'initiative.create'])
  })
})

describe('validation of initiatives', SLOW, () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['strength above 3', { factors: [{ factorId: 'E1', strength: 4 }] }, '/factors/0/strength'],
    ['a fractional strength', { factors: [{ factorId: 'E1', strength: 1.5 }] }, '/factors/0/strength'],
    ['an unknown factor id', { factors: [{ factorId: 'X9', strength: 1 }] }, '/factors/0/factorId'],
    ['a duplicate factor', { factors: [{ factorId: 'E2', strength: 1 }, { factorId: 'E2', strength: 3 }] }, '/factors/1/factorId'],
    ['no factors', { factors: [] }, '/factors'],
    ['an unknown field in a factor', { factors: [{ factorId: 'E1', strength: 1, weight: 2 }] }, '/factors/0/weight'],
    ['a non-integer cost', { cost: 1500.5 }, '/cost'],
    ['a zero cost', { cost: 0 }, '/cost'],
    ['a cost as text', { cost: '1000' }, '/cost'],
    ['an unknown kind', { kind: 'transformation' }, '/kind'],
    ['an unknown target', { target: 'platform' }, '/target'],
    ['an unknown status', { status: 'paused' }, '/status'],
    ['an unknown pin', { pin: 'maybe' }, '/pin'],
    ['political urgency 6', { politicalUrgency: 6 }, '/politicalUrgency'],
    ['risk 0', { risk: 0 }, '/risk'],
    ['a fractional value area', { societalBenefit: 2.5 }, '/societalBenefit'],
    ['a missing value area', { technicalUrgency: undefined }, '/technicalUrgency'],
    ['an empty title', { title: '  ' }, '/title'],
    ['an unknown field', { priority: 1 }, '/priority'],
    ['a bad follow-up date', { expectedBenefits: [{ text: 'a', measure: 'b', owner: 'c', followUpDate: '2026-02-30' }] }, '/expectedBenefits/0/followUpDate'],
    ['a realised benefit pointing nowhere', { realisedBenefits: [{ text: 'a', realisedOn: '2026-01-01', expectedIndex: 0 }] }, '/realisedBenefits/0/expectedIndex'],
  ]

  it('rejects every broken field with 400 at its JSON Pointer', async () => {
    const org = await seedOrg()
    for (const [label, change, path] of cases) {
      const res = await call(pathOf(org), { cookie: org.cookie, body: { ...base, ...change } })
      expect(await errorPaths(res), label).toEqual([path])
    }
    const res = await call(pathOf(org), { cookie: org.cookie, headers: { 'Accept-Language': 'en' }, body: { ...base, factors: [{ factorId: 'E1', strength: 1 }, { factorId: 'E1', strength: 2 }] } })
    expect((await json(res)).errors[0].message).toBe('The factor is already listed.')
    expect((await json(await call(pathOf(org), { cookie: org.cookie }))).items).toEqual([])
  })

  it('validates patches, list filters and media types', async () => {
    const org = await seedOrg()
    const item = await create(org)
    const patch = (body: unknown) => call(pathOf(org, item.id), { method: 'PATCH', cookie: org.cookie, body })
    expect(await errorPaths(await patch({ title: null }))).toEqual(['/title'])
    expect(await errorPaths(await patch({ factors: [{ factorId: 'U3', strength: 1 }] }))).toEqual(['/factors/0/factorId'])
    expect(await errorPaths(await patch({ cost: -5, risk: 9, id: 'ini_x' }))).toEqual(['/cost', '/risk', '/id'])
    expect(await errorPaths(await call(`${pathOf(org)}?status=paused&factor=Z1`, { cookie: org.cookie }))).toEqual(['/status', '/factor'])
    expect((await call(pathOf(org), { cookie: org.cookie, raw: 'title\nx', contentType: 'text/plain' })).status).toBe(415)
    expect((await call(pathOf(org, item.id), { method: 'PATCH', cookie: org.cookie, raw: 'title\nx', contentType: 'text/csv' })).status).toBe(415)
    expect((await call(pathOf(org), { cookie: org.cookie, raw: '{"title":', contentType: 'application/json' })).status).toBe(400)
    expect(await json(await call(pathOf(org, item.id), { cookie: org.cookie }))).toEqual(item)
  })
})

describe('CSV import of initiatives', SLOW, () => {
  const header = 'Title,Description,KIND,target,factors,cost,owner,status,politicalUrgency,technicalUrgency,societalBenefit,administrationBenefit,risk'

  it('keeps good rows and numbers bad ones as in a spreadsheet (header is row 1)', async () => {
    const org = await seedOrg()
    const csv = [
      header,
      'Digital brevlåda,,efficiency,capability,E1:2 I3:1,150 000,Åsa,planned,4,3,5,4,2',
      'Fel faktor,,efficiency,capability,Q1:2,,,,3,3,3,3,3',
      'För hög risk,,innovation,legacy,T1:1,,,,3,3,3,3,9',
      '',
      '"Chatt, med ""AI""","Två rader\nbeskrivning",Innovation,Capability,I1:3,,,,5,5,5,5,5',
      'Trasig lista,,efficiency,capability,E1-2,,,,3,3,3,3,3',
      ',,efficiency,capability,E1:2,12.5,,,3,3,3,3,3',
    ].join('\n')
    const res = await importCsv(org, csv)
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body.added).toBe(2)
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 7, 8])
    expect(body.errors[0].message).toContain('factors (Q1:2)')
    expect(body.errors[1].message).toMatch(/^risk: /)
    expect(body.errors[2].message).toContain('E1-2')
    expect(body.errors[3].message).toContain('title')
    expect(body.errors[3].message).toContain('cost')
    const list = await json(await call(pathOf(org), { cookie: org.cookie }))
    const byTitle = Object.fromEntries(list.items.map((i: { title: string }) => [i.title, i]))
    expect(byTitle['Digital brevlåda']).toMatchObject({ cost: 150000, owner: 'Åsa', status: 'planned', factors: [{ factorId: 'E1', strength: 2 }, { factorId: 'I3', strength: 1 }] })
    expect(byTitle['Chatt, med "AI"']).toMatchObject({ description: 'Två rader\nbeskrivning', kind: 'innovation', status: 'idea' })
    expect(await titles(org, 'factor=I3&owner=ÅSA')).toEqual(['Digital brevlåda'])
    const log = await json(await call(`/api/v1/orgs/${org.slug}/audit-log`, { cookie: org.cookie }))
    expect(log.items.find((e: { action: string }) => e.action === 'initiative.import').detail).toEqual({ added: 2, errors: 4 })
  })

  it('reads semicolons, a BOM, CRLF and quoted fields, and answers in English when asked', async () => {
    const org = await seedOrg()
    const csv = '\ufefftitle;kind;target;factors;politicalUrgency;technicalUrgency;societalBenefit;administrationBenefit;risk\r\n' +
      '"Öppna data; äntligen";efficiency;capability;"B1:1 B2:2";2;2;3;3;1\r\n' +
      'Utan risk;efficiency;capability;E1:1;2;2;3;3;\r\n'
    const res = await call(pathOf(org), { cookie: org.cookie, raw: csv, contentType: 'text/csv', headers: { 'Accept-Language': 'en' } })
    expect(res.status).toBe(201)
    expect(await json(res)).toEqual({ added: 1, errors: [{ row: 3, message: 'risk: This field is required.' }] })
    expect(await titles(org, 'factor=B2')).toEqual(['Öppna data; äntligen'])
  })

  it('refuses a header without the required columns and more than 5,000 rows', async () => {
    const org = await seedOrg()
    const missing = await importCsv(org, 'title,kind\nA,efficiency\n')
    expect(await errorPaths(missing)).toEqual(['/header/target', '/header/factors', '/header/politicalUrgency', '/header/technicalUrgency', '/header/societalBenefit', '/header/administrationBenefit', '/header/risk'])
    expect((await importCsv(org, '')).status).toBe(400)
    const row = (i: number) => `Initiativ ${i},,efficiency,capability,E${(i % 7) + 1}:2,${1000 + i},,,3,3,3,3,3`
    const rows = (n: number) => [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n')
    expect((await importCsv(org, rows(5001))).status).toBe(413)
    expect((await json(await call(pathOf(org), { cookie: org.cookie }))).items).toEqual([])
    const ok = await importCsv(org, rows(5000))
    expect(await json(ok)).toEqual({ added: 5000, errors: [] })
    const page = await json(await call(`${pathOf(org)}?limit=200&factor=E3`, { cookie: org.cookie }))
    expect(page.items).toHaveLength(200)
    expect(page.nextCursor).not.toBeNull()
  })
})

describe('roles, keys and tenant isolation for initiatives', SLOW, () => {
  it('lets read keys read only, and analysts and write keys write', async () => {
    const org = await seedOrg()
    const item = await create(org)
    const readKey = await createKey(org, 'read')
    const writeKey = await createKey(org, 'write')
    const analyst = await addMemberAndSignIn(org, 'analyst')
    expect((await call(pathOf(org), { key: readKey })).status).toBe(200)
    expect((await call(pathOf(org, item.id), { key: readKey })).status).toBe(200)
    expect((await call(pathOf(org), { key: readKey, body: base })).status).toBe(403)
    expect((await call(pathOf(org), { key: readKey, raw: minimalCsv(), contentType: 'text/csv' })).status).toBe(403)
    expect((await call(pathOf(org, item.id), { method: 'PATCH', key: readKey, body: { risk: 1 } })).status).toBe(403)
    expect((await call(pathOf(org, item.id), { method: 'DELETE', key: readKey })).status).toBe(403)
    // 404 (row not in the organisation) comes before 403 (scope).
    expect((await call(pathOf(org, 'ini_missing'), { method: 'PATCH', key: readKey, body: {} })).status).toBe(404)
    const byKey = await call(pathOf(org), { key: writeKey, body: base })
    expect(byKey.status).toBe(201)
    const byAnalyst = await json(await call(pathOf(org), { cookie: analyst.cookie, body: base }))
    expect((await call(pathOf(org, byAnalyst.id), { method: 'PATCH', cookie: analyst.cookie, body: { status: 'planned' } })).status).toBe(200)
    expect((await call(pathOf(org, item.id), { method: 'DELETE', cookie: analyst.cookie })).status).toBe(204)
  })

  it('answers 404 to another organisation for every operation on an initiative', async () => {
    const a = await seedOrg()
    const b = await seedOrg()
    const item = await create(a)
    const bKey = await createKey(b, 'write')
    for (const cred of [{ cookie: b.cookie }, { key: bKey }]) {
      expect((await call(pathOf(b, item.id), cred)).status).toBe(404)
      expect((await call(pathOf(b, item.id), { ...cred, method: 'PATCH', body: { title: 'Kapad' } })).status).toBe(404)
      expect((await call(pathOf(b, item.id), { ...cred, method: 'DELETE' })).status).toBe(404)
      expect((await call(pathOf(a, item.id), cred)).status).toBe(404)
    }
    expect((await json(await call(pathOf(b), { cookie: b.cookie }))).items).toEqual([])
    expect(await json(await call(pathOf(a, item.id), { cookie: a.cookie }))).toEqual(item)
  })
})

function minimalCsv() {
  return 'title,kind,target,factors,politicalUrgency,technicalUrgency,societalBenefit,administrationBenefit,risk\nA,efficiency,capability,E1:1,3,3,3,3,3'
}
