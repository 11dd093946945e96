import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { requestLink, seedOrg, uniq } from '../helpers/seed-org'
import { eventually } from '../helpers/seed'
import { deviceCookieValue } from '../../worker/services/auth/device-cookie'

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`
const linkRequest = (email: string, init: { cookie?: string; ip?: string; headers?: Record<string, string> } = {}) => call('/api/v1/auth/sign-in-link', { body: { email }, ip: init.ip ?? ip(), ...init })
const outboxRows = async (email: string) => (await env.DB.prepare('SELECT count(*) AS n FROM outbox WHERE to_email = ?').bind(email).first<{ n: number }>())!.n

/** Verifies a link and returns the browser's cookies ("a=1; b=2"): the session and the device cookie. */
async function verifyInBrowser(link: string): Promise<{ cookies: string; setCookies: string[] }> {
  const res = await call('/api/v1/auth/verify', { body: { token: new URL(link).searchParams.get('token') } })
  expect(res.status).toBe(200)
  const setCookies = res.headers.getSetCookie()
  return { cookies: setCookies.map((c) => c.split(';')[0]).join('; '), setCookies }
}

/** Six requests by a stranger for the address: its window (5 per 15 minutes) is full. */
async function strangerFills(email: string) {
  const stranger = ip()
  const statuses = []
  for (let i = 0; i < 6; i++) statuses.push((await linkRequest(email, { ip: stranger })).status)
  expect(statuses.at(-1)).toBe(429)
  expect((await linkRequest(email)).status).toBe(429)
}

describe('POST /api/v1/auth/sign-in-link: no enumeration', () => {
  it('does the same statements and answers the same for a known and an unknown address', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    const unknown = `stranger-${uniq()}@example.se`
    // Each address's window already holds one request (the owner's is the sign-up), so both
    // requests below take the same path through the rate-limit upsert.
    expect((await linkRequest(unknown)).status).toBe(202)
    const known = await linkRequest(org.ownerEmail, { headers: { 'X-Count-Rows': '1' } })
    const other = await linkRequest(unknown, { headers: { 'X-Count-Rows': '1' } })
    expect([known.status, other.status]).toEqual([202, 202])
    expect(await known.text()).toBe(await other.text())
    const work = (r: Response) => [r.headers.get('X-D1-Rows-Read'), r.headers.get('X-D1-Rows-Written')]
    expect(work(known)).toEqual(work(other))
    const names = (r: Response) => [...r.headers.keys()].filter((k) => !['x-request-id', 'server-timing'].includes(k)).sort()
    expect(names(known)).toEqual(names(other))
  })

  it('delivers the link to the account holder and drops the unknown address unsent', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    const unknown = `stranger-${uniq()}@example.se`
    const { link } = await requestLink(org.ownerEmail)
    expect((await call('/api/v1/auth/verify', { body: { token: new URL(link).searchParams.get('token') } })).status).toBe(200)
    expect((await linkRequest(unknown)).status).toBe(202)
    await eventually(async () => (await outboxRows(unknown)) === 0)
    expect((await json(await call(`/api/v1/dev/outbox?to=${unknown}`))).items).toEqual([])
  })
})

describe('POST /api/v1/auth/sign-in-link: no lock-out', () => {
  it('sets a long-lived HttpOnly device cookie at sign-in', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    const { setCookies } = await verifyInBrowser((await requestLink(org.ownerEmail)).link)
    const device = setCookies.find((c) => c.startsWith('mognad_device='))!
    expect(device).toMatch(/HttpOnly/i)
    expect(device).toMatch(/SameSite=Lax/i)
    expect(device).toMatch(/Max-Age=7776000/)
    expect(setCookies[0]).toMatch(/^mognad_session=/)
  })

  it('still sends the owner a link after a stranger has used up the address window', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    const { cookies } = await verifyInBrowser((await requestLink(org.ownerEmail)).link)
    await strangerFills(org.ownerEmail)
    // The owner's browser (its device cookie), from the stranger's network or any other.
    const { res, link } = await requestLink(org.ownerEmail, { cookie: cookies })
    expect(res.status).toBe(202)
    expect((await call('/api/v1/auth/verify', { body: { token: new URL(link).searchParams.get('token') } })).status).toBe(200)
  })

  it('lets a device cookie past the full per-client window too', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    const { cookies } = await verifyInBrowser((await requestLink(org.ownerEmail)).link)
    const shared = ip()
    await env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 100) ON CONFLICT (key) DO UPDATE SET count = 100, window_start = excluded.window_start")
      .bind(`sil:ip:${shared}`, Math.floor(Date.now() / 1000 / 3600) * 3600)
      .run()
    expect((await linkRequest(`someone-${uniq()}@example.se`, { ip: shared })).status).toBe(429)
    expect((await linkRequest(org.ownerEmail, { ip: shared, cookie: cookies })).status).toBe(202)
  })

  it('refuses a device cookie of another address, a forged one and one older than 90 days', { timeout: 30_000 }, async () => {
    const victim = await seedOrg()
    const attacker = await seedOrg()
    const { cookies: attackerCookies } = await verifyInBrowser((await requestLink(attacker.ownerEmail)).link)
    const { cookies: victimCookies } = await verifyInBrowser((await requestLink(victim.ownerEmail)).link)
    await strangerFills(victim.ownerEmail)
    // The attacker's own, genuine device cookie does not speak for the victim's address.
    expect((await linkRequest(victim.ownerEmail, { cookie: attackerCookies })).status).toBe(429)
    // The victim's cookie with its time of issue changed no longer matches its signature.
    const value = /mognad_device=([^;]+)/.exec(victimCookies)![1]
    const [userId, issued, mac] = value.split('.')
    expect((await linkRequest(victim.ownerEmail, { cookie: `mognad_device=${userId}.${Number(issued) + 1}.${mac}` })).status).toBe(429)
    // Correctly signed, but issued 91 days ago.
    const old = await deviceCookieValue(env.TOKEN_SECRET, userId, victim.ownerEmail, Math.floor(Date.now() / 1000) - 91 * 86400)
    expect((await linkRequest(victim.ownerEmail, { cookie: `mognad_device=${old}` })).status).toBe(429)
    expect((await linkRequest(victim.ownerEmail, { cookie: victimCookies })).status).toBe(202)
  })

  it('caps the device cookie at 20 links per 15 minutes', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    const { cookies } = await verifyInBrowser((await requestLink(org.ownerEmail)).link)
    const statuses = []
    for (let i = 0; i < 21; i++) statuses.push((await linkRequest(org.ownerEmail, { cookie: cookies })).status)
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true)
    expect(statuses[20]).toBe(429)
  })
})
