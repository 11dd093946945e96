import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { createRound, listAllRespondents, seedOrg, seedUser, tokenOf, type SeededOrg } from '../helpers/seed'

const path = (org: SeededOrg, roundId: string) => `/api/v1/orgs/${org.slug}/assessments/${roundId}/respondents`

async function add(org: SeededOrg, roundId: string, rows: Record<string, unknown>[], init: { cookie?: string; lang?: string } = {}) {
  const res = await call(path(org, roundId), { ...(init.cookie ? { cookie: init.cookie } : { key: org.writeKey }), headers: init.lang ? { 'Accept-Language': init.lang } : {}, body: { respondents: rows } })
  expect(res.status).toBe(201)
  return json<{ added: number; skipped: number; errors: { row: number; message: string; reasons: string[] }[] }>(res)
}

describe('planted respondents (docs/model.md §4)', () => {
  it('refuses four plus-aliases of an admin’s own mailbox beside one real respondent, so the round cannot reach n = 5', async () => {
    const org = await seedOrg()
    const admin = `chef@${org.domain}`
    const cookie = await seedUser(org.id, 'admin', undefined, admin)
    const round = await createRound(org)
    const body = await add(org, round.id, [{ email: `real.person@${org.domain}`, role: 'staff' }, ...[1, 2, 3, 4].map((i) => ({ email: `chef+p${i}@${org.domain}`, role: 'staff' }))], { cookie })
    expect(body.added).toBe(1)
    expect(body.errors.map((e) => [e.row, e.reasons])).toEqual([2, 3, 4, 5].map((row) => [row, ['plus_alias']]))
    expect(body.errors[0].message).toMatch(/^Rad 2: adresser med \+/)
    // The mailbox itself and its dotted spelling are the admin: refused as well.
    const again = await add(org, round.id, [{ email: admin, role: 'staff' }, { email: `c.h.e.f@${org.domain}`, role: 'it' }], { cookie })
    expect(again.added).toBe(0)
    expect(again.errors.map((e) => e.reasons)).toEqual([['admin_member'], ['admin_member']])
    expect((await listAllRespondents(org, round.id)).map((r) => r.email)).toEqual([`real.person@${org.domain}`])

    // The one real respondent answers; the round closes with n = 1 and shows nothing.
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/open`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
    const [person] = await listAllRespondents(org, round.id)
    const token = await tokenOf(person.id)
    expect((await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 5 } } })).status).toBe(200)
    expect((await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })).status).toBe(200)
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
    const results = await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/results`, { key: org.readKey })
    expect(results.status).toBe(412)
    expect((await json(results)).reason).toBe('below_threshold')
  })

  it('refuses an address invited to the owner or admin role before the invitation is accepted', async () => {
    // The variant: plant a second mailbox as a respondent while it is only invited as an admin.
    const org = await seedOrg()
    const second = `andra.brevladan@${org.domain}`
    const invite = await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.owner, body: { email: second, name: 'Andra', role: 'admin' } })
    expect(invite.status).toBe(201)
    const round = await createRound(org)
    const body = await add(org, round.id, [{ email: second, role: 'staff' }, { email: `andra.brev.ladan@${org.domain}`, role: 'staff' }])
    expect(body.added).toBe(0)
    expect(body.errors.map((e) => e.reasons)).toEqual([['admin_member'], ['admin_member']])
    // The rule covers the admin roles only: an invited analyst may answer.
    expect((await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.owner, body: { email: `analytiker@${org.domain}`, name: 'A', role: 'analyst' } })).status).toBe(201)
    expect((await add(org, round.id, [{ email: `analytiker@${org.domain}`, role: 'it' }])).added).toBe(1)
  })

  it('refuses other spellings of one mailbox within an upload and against the round, but skips the very same address', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const body = await add(org, round.id, [
      { email: `anna.berg@${org.domain}`, role: 'staff' },
      { email: `annaberg@${org.domain}`, role: 'staff' },
      { email: `Anna.Berg@${org.domain}`, role: 'it' },
    ])
    expect(body).toMatchObject({ added: 1, skipped: 1 })
    expect(body.errors).toEqual([{ row: 2, message: 'Rad 2: samma brevlåda som rad 1.', reasons: ['same_mailbox'] }])
    const later = await add(org, round.id, [{ email: `a.nna.berg@${org.domain}`, role: 'staff' }], { lang: 'en' })
    expect(later.errors).toEqual([{ row: 1, message: 'Row 1: the same mailbox as a respondent already in the round.', reasons: ['same_mailbox'] }])
    expect(await listAllRespondents(org, round.id)).toHaveLength(1)
  })

  it('refuses addresses outside the organisation’s proven domains, pending claims and subdomains included', async () => {
    const org = await seedOrg()
    const pending = `pending${Date.now().toString(36)}.se`
    expect((await call(`/api/v1/orgs/${org.slug}/domains`, { cookie: org.owner, body: { domain: pending } })).status).toBe(201)
    const other = await seedOrg()
    const round = await createRound(org)
    const rows = [`x@gmail.com`, `x@${pending}`, `x@sub.${org.domain}`, `x@${other.domain}`].map((email) => ({ email, role: 'staff' }))
    const body = await add(org, round.id, rows, { lang: 'en' })
    expect(body.added).toBe(0)
    expect(body.errors.map((e) => e.reasons)).toEqual([['domain_unverified'], ['domain_unverified'], ['domain_unverified'], ['domain_unverified']])
    expect(body.errors[0].message).toBe('Row 1: gmail.com is not one of the organisation’s verified domains.')
  })

  it('gives the same reasons for a CSV import', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const text = `email,role\nok@${org.domain},staff\nok+2@${org.domain},staff\no.k@${org.domain},staff\nok@elsewhere.se,staff\n`
    const res = await call(path(org, round.id), { key: org.writeKey, raw: text, contentType: 'text/csv' })
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body.added).toBe(1)
    expect(body.errors.map((e: { row: number; reasons: string[] }) => [e.row, e.reasons])).toEqual([[3, ['plus_alias']], [4, ['same_mailbox']], [5, ['domain_unverified']]])
  })

  it('records in the audit log who added which respondents', async () => {
    const org = await seedOrg()
    const admin = `ansvarig@${org.domain}`
    const cookie = await seedUser(org.id, 'admin', undefined, admin)
    const round = await createRound(org)
    await add(org, round.id, [{ email: `p1@${org.domain}`, role: 'staff' }, { email: `p2@${org.domain}`, role: 'it' }], { cookie })
    await add(org, round.id, [{ email: `p3@${org.domain}`, role: 'staff' }])
    const ids = new Map((await listAllRespondents(org, round.id)).map((r) => [r.email, r.id]))
    const log = await json(await call(`/api/v1/orgs/${org.slug}/audit-log`, { cookie: org.owner }))
    const adds = log.items.filter((e: { action: string }) => e.action === 'assessment.respondents.add')
    const byAdmin = adds.find((e: { actor: string }) => e.actor === admin)
    expect(byAdmin.target).toBe(round.id)
    expect(byAdmin.detail.respondents.sort()).toEqual([ids.get(`p1@${org.domain}`), ids.get(`p2@${org.domain}`)].sort())
    const byKey = adds.find((e: { actor: string }) => e.actor.startsWith('key:'))
    expect(byKey.detail.respondents).toEqual([ids.get(`p3@${org.domain}`)])
  })
})
