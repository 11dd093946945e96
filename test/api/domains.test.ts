import { describe, expect, it } from 'vitest'
import { exports } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { seedOrg, type SeededOrg } from '../helpers/seed'
import { publishTxt } from '../helpers/dns'

let n = 0
const fresh = () => `kommun${Date.now().toString(36)}${n++}.se`
const path = (org: SeededOrg, rest = '') => `/api/v1/orgs/${org.slug}/domains${rest}`

async function claim(org: SeededOrg, domain: string) {
  const res = await call(path(org), { cookie: org.owner, body: { domain } })
  expect(res.status).toBe(201)
  return json(res)
}

const verify = (org: SeededOrg, id: string) => call(path(org, `/${id}/verify`), { cookie: org.owner, method: 'POST' })

describe('POST /api/v1/orgs/:org/domains', () => {
  it('claims a domain and names the TXT record to publish', async () => {
    const org = await seedOrg()
    const domain = fresh()
    const body = await claim(org, ` ${domain.toUpperCase()}. `)
    expect(body).toMatchObject({ domain, verified: false, verifiedAt: null, record: { type: 'TXT', name: `_mognad-challenge.${domain}` } })
    expect(body.record.value).toMatch(/^mognad-verify=[A-Za-z0-9_-]{43}$/)
    const list = await json(await call(path(org), { cookie: org.owner }))
    // Listed by name, beside the domain the seed proved.
    expect(list.items.map((d: { domain: string }) => d.domain)).toEqual([domain, org.domain].sort())
  })

  it.each([['se'], ['*.kommun.se'], ['org.se'], ['co.uk'], ['kommun..se'], ['-kommun.se'], ['kommun.s3'], ['anna@kommun.se'], ['a'.repeat(64) + '.se']])('refuses %s', async (domain) => {
    const org = await seedOrg()
    const res = await call(path(org), { cookie: org.owner, body: { domain } })
    expect(res.status).toBe(400)
    expect((await json(res)).errors[0].path).toBe('/domain')
  })

  it('takes a punycode domain', async () => {
    const org = await seedOrg()
    const domain = `xn--smland-exa${n++}${Date.now().toString(36)}.se`
    expect((await claim(org, domain)).domain).toBe(domain)
  })

  it('refuses a second claim of the same domain by the organisation', async () => {
    const org = await seedOrg()
    const domain = fresh()
    await claim(org, domain)
    const res = await call(path(org), { cookie: org.owner, body: { domain } })
    expect(res.status).toBe(409)
    expect((await json(res)).reason).toBe('already_claimed')
  })

  it('lets only owners and admins manage domains, never API keys', async () => {
    const org = await seedOrg()
    expect((await call(path(org), { cookie: org.analyst, body: { domain: fresh() } })).status).toBe(403)
    expect((await call(path(org), { key: org.writeKey, body: { domain: fresh() } })).status).toBe(403)
    expect((await call(path(org), { key: org.writeKey })).status).toBe(403)
    expect((await call(path(org), { cookie: org.analyst })).status).toBe(403)
  })
})

describe('POST /api/v1/orgs/:org/domains/:id/verify', () => {
  it('marks the domain proven when the TXT record holds the token', async () => {
    const org = await seedOrg()
    const domain = fresh()
    const claimed = await claim(org, domain)
    await publishTxt(claimed.record.name, ['v=spf1 -all', claimed.record.value])
    const res = await verify(org, claimed.id)
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body).toMatchObject({ id: claimed.id, verified: true })
    expect(body.verifiedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    // Asking again changes nothing.
    expect((await verify(org, claimed.id)).status).toBe(200)
    const log = await json(await call(`/api/v1/orgs/${org.slug}/audit-log`, { cookie: org.owner }))
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['domain.claim', 'domain.verify']))
  })

  it('answers 412 record_missing when nothing is published', async () => {
    const org = await seedOrg()
    const claimed = await claim(org, fresh())
    const res = await verify(org, claimed.id)
    expect(res.status).toBe(412)
    const body = await json(res)
    expect(body.reason).toBe('record_missing')
    expect(body.detail).toMatch(/TXT/)
    expect((await json(await call(path(org), { cookie: org.owner }))).items.find((d: { id: string }) => d.id === claimed.id).verified).toBe(false)
  })

  it('answers 412 record_mismatch when the record holds another token', async () => {
    const org = await seedOrg()
    const claimed = await claim(org, fresh())
    await publishTxt(claimed.record.name, ['mognad-verify=someone-elses-token'])
    const res = await verify(org, claimed.id)
    expect(res.status).toBe(412)
    expect((await json(res)).reason).toBe('record_mismatch')
  })

  it('answers 412 dns_lookup_failed when the resolver fails', async () => {
    const org = await seedOrg()
    const claimed = await claim(org, `servfail.${fresh()}`)
    const res = await verify(org, claimed.id)
    expect(res.status).toBe(412)
    expect((await json(res)).reason).toBe('dns_lookup_failed')
  })

  it('refuses a domain that another organisation has proven (409), even with its own record published', async () => {
    const first = await seedOrg()
    const second = await seedOrg()
    const domain = fresh()
    const a = await claim(first, domain)
    const b = await claim(second, domain)
    await publishTxt(a.record.name, [a.record.value, b.record.value])
    expect((await verify(first, a.id)).status).toBe(200)
    const res = await verify(second, b.id)
    expect(res.status).toBe(409)
    expect((await json(res)).reason).toBe('domain_taken')
    // A new claim is refused at once.
    const again = await call(path(second), { cookie: second.owner, body: { domain: `www.${domain}` } })
    expect(again.status).toBe(201)
    const third = await seedOrg()
    const late = await call(path(third), { cookie: third.owner, body: { domain } })
    expect(late.status).toBe(409)
    expect((await json(late)).reason).toBe('domain_taken')
  })

  it('does not take a reserved .test domain as proven outside a loopback origin', async () => {
    // The tests' origin is http://app.test, not this machine: the development shortcut does not apply.
    const org = await seedOrg()
    const claimed = await claim(org, `kommun${n++}${Date.now().toString(36)}.test`)
    const res = await verify(org, claimed.id)
    expect(res.status).toBe(412)
    expect((await json(res)).reason).toBe('record_missing')
  })
})

describe('the development shortcut', () => {
  /** A request as `npm start` serves it: from this machine's loopback origin. */
  const loopback = (org: SeededOrg, rest: string, method = 'POST', body?: unknown) =>
    exports.default.fetch(
      new Request(`http://127.0.0.1:8787${path(org, rest)}`, {
        method,
        headers: { Cookie: org.owner, Origin: 'http://127.0.0.1:8787', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )

  it('proves a reserved name without DNS on a loopback origin outside production, never a real domain', async () => {
    const org = await seedOrg()
    const reserved = await json(await loopback(org, '', 'POST', { domain: `kommun${n++}${Date.now().toString(36)}.example` }))
    const res = await loopback(org, `/${reserved.id}/verify`)
    expect(res.status).toBe(200)
    expect((await json(res)).verified).toBe(true)
    const real = await json(await loopback(org, '', 'POST', { domain: fresh() }))
    const refused = await loopback(org, `/${real.id}/verify`)
    expect(refused.status).toBe(412)
    expect((await json(refused)).reason).toBe('record_missing')
  })
})

describe('DELETE /api/v1/orgs/:org/domains/:id', () => {
  it('removes a claim, after which another organisation can prove the domain', async () => {
    const first = await seedOrg()
    const second = await seedOrg()
    const domain = fresh()
    const a = await claim(first, domain)
    await publishTxt(a.record.name, [a.record.value])
    expect((await verify(first, a.id)).status).toBe(200)
    expect((await call(path(first, `/${a.id}`), { cookie: first.owner, method: 'DELETE' })).status).toBe(204)
    expect((await json(await call(path(first), { cookie: first.owner }))).items.map((d: { domain: string }) => d.domain)).toEqual([first.domain])
    const b = await claim(second, domain)
    await publishTxt(b.record.name, [b.record.value])
    expect((await verify(second, b.id)).status).toBe(200)
  })
})

describe('domains across organisations', () => {
  it('answers 404 for another organisation’s claim, on every route', async () => {
    const owner = await seedOrg()
    const other = await seedOrg()
    const claimed = await claim(owner, fresh())
    await publishTxt(claimed.record.name, [claimed.record.value])
    expect((await call(path(other, `/${claimed.id}/verify`), { cookie: other.owner, method: 'POST' })).status).toBe(404)
    expect((await call(path(other, `/${claimed.id}`), { cookie: other.owner, method: 'DELETE' })).status).toBe(404)
    expect((await json(await call(path(other), { cookie: other.owner }))).items.map((d: { domain: string }) => d.domain)).toEqual([other.domain])
    // Through the owner's organisation with the other's session: not a member, so 404 too.
    expect((await call(path(owner), { cookie: other.owner })).status).toBe(404)
    expect((await json(await call(path(owner), { cookie: owner.owner }))).items.find((d: { id: string }) => d.id === claimed.id).verified).toBe(false)
  })
})
