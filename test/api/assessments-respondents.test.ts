import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { addRespondents, createRound, eventually, listAllRespondents, mailTo, openRoundWith, people, seedOrg, seedUnit, tokenOf, type SeededOrg } from '../helpers/seed'

const path = (org: SeededOrg, id: string) => `/api/v1/orgs/${org.slug}/assessments/${id}/respondents`
const csv = (org: SeededOrg, id: string, text: string) => call(path(org, id), { key: org.writeKey, method: 'POST', raw: text, contentType: 'text/csv; charset=utf-8' })

describe('POST …/respondents (JSON)', () => {
  it('adds rows, skips duplicates case-insensitively and reports bad rows numbered from 1', async () => {
    const org = await seedOrg()
    const unit = await seedUnit(org.id, 'IT-avdelningen')
    const round = await createRound(org)
    const res = await call(path(org, round.id), {
      key: org.writeKey,
      body: {
        respondents: [
          { email: ` Anna.Berg@${org.domain.toUpperCase()} `, name: 'Anna Berg', role: 'it', unitId: unit },
          { email: `anna.berg@${org.domain}`, role: 'staff' },
          { email: 'not-an-email', role: 'staff' },
          { email: `bo@${org.domain}`, role: 'chef' },
          { email: `cia@${org.domain}`, role: 'manager', unitId: 'unt_nope' },
          { email: `dan@${org.domain}`, role: 'management', name: null },
        ],
      },
    })
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body.added).toBe(2)
    expect(body.skipped).toBe(1)
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5])
    expect(body.errors[0].message).toMatch(/e-post/)
    expect(body.errors[1].message).toContain('chef')
    expect(body.errors[2].message).toContain('unt_nope')
    const list = await listAllRespondents(org, round.id)
    const anna = list.find((r) => r.email === `anna.berg@${org.domain}`)
    expect(Object.keys(anna!).sort()).toEqual(['email', 'id', 'name', 'role', 'status', 'unitId'])
    expect(anna).toMatchObject({ name: 'Anna Berg', role: 'it', unitId: unit, status: 'added' })
    expect(anna!.id).toMatch(/^rsp_/)
    // A second upload: the existing address is a duplicate too.
    const again = await json(await call(path(org, round.id), { key: org.writeKey, body: { respondents: [{ email: `DAN@${org.domain}`, role: 'it' }] } }))
    expect(again).toEqual({ added: 0, skipped: 1, errors: [] })
  })

  it('answers 201 even when every row fails (English messages on request)', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const res = await call(path(org, round.id), { key: org.writeKey, headers: { 'Accept-Language': 'en' }, body: { respondents: [{ email: 'x', role: 'y' }] } })
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body).toMatchObject({ added: 0, skipped: 0 })
    expect(body.errors[0].message).toMatch(/^Row 1: invalid e-mail address "x"; unknown role "y"/)
  })

  it('413 above 5,000 rows (after parsing), 400 for the wrong shape, 415 for other media types', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const big = await call(path(org, round.id), { key: org.writeKey, body: { respondents: people(org, 'big', 5001) } })
    expect(big.status).toBe(413)
    const shape = await call(path(org, round.id), { key: org.writeKey, body: { respondents: [{ email: 5, role: 'it', extra: 1 }] } })
    expect(shape.status).toBe(400)
    expect((await json(shape)).errors.map((e: { path: string }) => e.path).sort()).toEqual(['/respondents/0/email', '/respondents/0/extra'])
    const plain = await call(path(org, round.id), { key: org.writeKey, method: 'POST', raw: 'email', contentType: 'text/plain' })
    expect(plain.status).toBe(415)
  })

  it('takes exactly 5,000 rows in one upload', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const res = await call(path(org, round.id), { key: org.writeKey, body: { respondents: people(org, 'many', 5000) } })
    expect(res.status).toBe(201)
    expect((await json(res)).added).toBe(5000)
    const count = await env.DB.prepare('SELECT count(*) AS n FROM respondents WHERE assessment_id = ?').bind(round.id).first()
    expect(count).toEqual({ n: 5000 })
  })

  it('refuses additions after close (409) and needs write access (403)', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/open`, { key: org.writeKey, method: 'POST' })
    await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })
    expect((await call(path(org, round.id), { key: org.writeKey, body: { respondents: people(org, 'late', 1) } })).status).toBe(409)
    expect((await call(path(org, round.id), { key: org.readKey, body: { respondents: people(org, 'late', 1) } })).status).toBe(403)
  })
})

describe('POST …/respondents (CSV)', () => {
  it('reads comma CSV with LF, units by name, extra columns and header case ignored', async () => {
    const org = await seedOrg()
    const unit = await seedUnit(org.id, 'Ekonomi')
    const round = await createRound(org)
    const res = await csv(org, round.id, `Email,Role,Extra,Name,UNIT\na@${org.domain},staff,x,Anna,Ekonomi\nb@${org.domain},it,y,Bo,\n`)
    expect(res.status).toBe(201)
    expect(await json(res)).toEqual({ added: 2, skipped: 0, errors: [] })
    const list = await listAllRespondents(org, round.id)
    expect(list.find((r) => r.email === `a@${org.domain}`)).toMatchObject({ name: 'Anna', unitId: unit, role: 'staff' })
    expect(list.find((r) => r.email === `b@${org.domain}`)).toMatchObject({ name: 'Bo', unitId: null, role: 'it' })
  })

  it('reads semicolons, a BOM, CRLF and quoted fields with separators, doubled quotes and å/ä/ö', async () => {
    const org = await seedOrg()
    const unit = await seedUnit(org.id, 'Kultur; fritid och "idrott"')
    const round = await createRound(org)
    const text =
      '\uFEFFemail;name;role;unit\r\n' +
      `asa.oberg@${org.domain};"Öberg, Åsa";manager;"Kultur; fritid och ""idrott"""\r\n` +
      `"arla@${org.domain}";"Ärla ""Sjöberg""";business_developer;\r\n` +
      '\r\n' +
      'x@@;Fel;staff;\r\n' +
      `ola@${org.domain};Ola;staff;Okänd enhet\r\n` +
      ` ASA.Oberg@${org.domain.toUpperCase()} ;Dubblett;staff;\r\n`
    const res = await csv(org, round.id, text)
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body.added).toBe(2)
    expect(body.skipped).toBe(1)
    // Spreadsheet rows: header 1, data from 2, the blank line is row 4.
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([5, 6])
    expect(body.errors[1].message).toContain('Okänd enhet')
    const list = await listAllRespondents(org, round.id)
    expect(list.find((r) => r.email === `asa.oberg@${org.domain}`)).toMatchObject({ name: 'Öberg, Åsa', unitId: unit, role: 'manager' })
    expect(list.find((r) => r.email === `arla@${org.domain}`)).toMatchObject({ name: 'Ärla "Sjöberg"', role: 'business_developer' })
  })

  it('numbers rows after a quoted line break as a spreadsheet does', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const body = await json(await csv(org, round.id, `email,name,role\na@${org.domain},"two\nlines",staff\nbad,x,staff\n`))
    // A quoted line break stays inside its cell: a spreadsheet shows the bad row as row 3.
    expect(body.errors).toEqual([{ row: 3, message: expect.stringContaining('Rad 3'), reasons: ['email_invalid'] }])
  })

  it('400 without the email and role columns', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const res = await csv(org, round.id, `mail,name\na@${org.domain},Anna\n`)
    expect(res.status).toBe(400)
  })
})

describe('DELETE …/respondents/:rid', () => {
  it('removes a respondent not yet invited; once invited 409 for everyone, answered or not', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    await addRespondents(org, round.id, people(org, 'del', 4))
    const [gone, ...kept] = await listAllRespondents(org, round.id)
    expect((await call(`${path(org, round.id)}/${gone.id}`, { key: org.writeKey, method: 'DELETE' })).status).toBe(204)
    expect((await listAllRespondents(org, round.id)).map((r) => r.id)).not.toContain(gone.id)
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/open`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
    // The attack: try to remove each person and read submission from the answer. One submitted,
    // one saved answers, one did nothing: all three get the same 409, and all stay.
    const [submitted, saved, idle] = kept
    await call(`/api/v1/respond/${await tokenOf(submitted.id)}/submit`, { method: 'POST' })
    await call(`/api/v1/respond/${await tokenOf(saved.id)}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 4 } } })
    const answers = []
    for (const r of [submitted, saved, idle]) {
      const res = await call(`${path(org, round.id)}/${r.id}`, { key: org.writeKey, method: 'DELETE' })
      answers.push({ status: res.status, detail: (await json(res)).detail })
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(answers[0].status).toBe(409)
    expect(await listAllRespondents(org, round.id)).toHaveLength(3)
    expect((await call(`${path(org, round.id)}/rsp_nobody`, { key: org.writeKey, method: 'DELETE' })).status).toBe(404)
  })
})

describe('units in use', () => {
  it('refuses to delete a unit that has respondents (409)', async () => {
    const org = await seedOrg()
    const unit = await seedUnit(org.id, 'HR')
    const round = await createRound(org)
    await addRespondents(org, round.id, [{ email: `hr@${org.domain}`, role: 'staff', unitId: unit }])
    const res = await call(`/api/v1/orgs/${org.slug}/units/${unit}`, { cookie: org.owner, method: 'DELETE' })
    expect(res.status).toBe(409)
  })
})

describe('adding while open', () => {
  it('invites added respondents at once', async () => {
    const org = await seedOrg()
    const { round } = await openRoundWith(org, people(org, 'early', 1))
    await addRespondents(org, round.id, [{ email: `late.comer@${org.domain}`, role: 'it' }])
    const list = await listAllRespondents(org, round.id)
    expect(list.find((r) => r.email === `late.comer@${org.domain}`)?.status).toBe('invited')
    const mail = await eventually(async () => (await mailTo(`late.comer@${org.domain}`))[0])
    expect(mail.links[0]).toMatch(/\/r\/[\w-]{43}$/)
  })
})

describe('respondents: tenant isolation', () => {
  it('gives org B 404 on org A’s round respondents', async () => {
    const a = await seedOrg()
    const b = await seedOrg()
    const { round, people: ps } = await openRoundWith(a, people(a, 'iso', 1))
    expect((await call(path(b, round.id), { key: b.readKey })).status).toBe(404)
    expect((await call(path(b, round.id), { key: b.writeKey, body: { respondents: people(b, 'x', 1) } })).status).toBe(404)
    expect((await call(`${path(b, round.id)}/${ps[0].id}`, { cookie: b.owner, method: 'DELETE' })).status).toBe(404)
    expect((await call(`/api/v1/orgs/${b.slug}/assessments/${round.id}/reminders`, { key: b.writeKey, method: 'POST' })).status).toBe(404)
    expect((await call(`/api/v1/orgs/${b.slug}/assessments/${round.id}/participation`, { key: b.readKey })).status).toBe(404)
  })
})
