import { describe, expect, it, inject } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../../worker/index'
import { call, json } from '../helpers/http'
import { eventually, openRoundWith, people, seedOrg, type SeededOrg } from '../helpers/seed'
import type { Received } from '../helpers/webhook-receiver'
import { newId, randomToken, sha256 } from '../../worker/lib/crypto'

const receiver = inject('webhookReceiver')
const DAY_MS = 864e5
let names = 0
/** A fresh receiver name, so each test reads only its own deliveries. */
const fresh = (mode: 'ok' | 'fail-once' | 'fail') => {
  const name = `r${Date.now().toString(36)}${names++}`
  return { name, url: `${receiver}/hooks/${mode}/${name}` }
}
const receivedBy = async (name: string) => (await (await fetch(`${receiver}/received/${name}`)).json()) as Received[]
const hooksPath = (org: SeededOrg) => `/api/v1/orgs/${org.slug}/webhooks`

async function addWebhook(org: SeededOrg, url: string, events: string[]) {
  const res = await call(hooksPath(org), { cookie: org.owner, body: { url, events } })
  expect(res.status).toBe(201)
  return json<{ id: string; url: string; events: string[]; secret: string; createdAt: string }>(res)
}

async function runCron(now: number) {
  const ctx = createExecutionContext()
  await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '* * * * *' }), env, ctx)
  await waitOnExecutionContext(ctx)
}

/** The receiver's side of Standard Webhooks: recompute the signature from the secret alone. */
async function expectSigned(secret: string, got: Received) {
  const { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': signature } = got.headers
  expect(id).toMatch(/^msg_\w+$/)
  expect(ts).toMatch(/^\d{10}$/)
  const key = await crypto.subtle.importKey('raw', Uint8Array.from(atob(secret.slice('whsec_'.length)), (c) => c.charCodeAt(0)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${ts}.${got.body}`)))
  expect(signature).toBe(`v1,${btoa(String.fromCharCode(...mac))}`)
  expect(got.headers['content-type']).toBe('application/json')
}

/** An admin of the organisation with a session, straight into D1 (the seed has owner and analyst). */
async function adminOf(org: SeededOrg): Promise<string> {
  const userId = newId('usr')
  const cookie = randomToken()
  const now = new Date().toISOString()
  await env.DB.batch([
    env.DB.prepare('INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)').bind(userId, `${userId}@example.se`, 'Admin', now),
    env.DB.prepare("INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, 'admin', ?)").bind(org.id, userId, now),
    env.DB.prepare('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)').bind(await sha256(cookie), userId, now, now, new Date(Date.now() + 864e5).toISOString()),
  ])
  return `mognad_session=${cookie}`
}

const today = () => new Date().toISOString().slice(0, 10)

describe('webhook management', { timeout: 60_000 }, () => {
  it('creates (secret shown once, stored sealed), lists and deletes', async () => {
    const org = await seedOrg()
    const created = await addWebhook(org, 'https://hooks.example.se/mognad?src=1', ['response.submitted', 'assessment.opened', 'assessment.opened'])
    expect(created).toEqual({ id: expect.stringMatching(/^whk_/), url: 'https://hooks.example.se/mognad?src=1', events: ['assessment.opened', 'response.submitted'], secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/), createdAt: expect.any(String) })
    const stored = await env.DB.prepare('SELECT * FROM webhooks WHERE id = ?').bind(created.id).first<Record<string, string>>()
    expect(JSON.stringify(stored)).not.toContain(created.secret.slice(6))

    const list = await json(await call(hooksPath(org), { cookie: org.owner }))
    expect(list).toEqual({ items: [{ id: created.id, url: created.url, events: created.events, createdAt: created.createdAt }], nextCursor: null })
    expect((await call(`${hooksPath(org)}/${created.id}`, { method: 'DELETE', cookie: org.owner })).status).toBe(204)
    expect((await json(await call(hooksPath(org), { cookie: org.owner }))).items).toEqual([])
    expect((await call(`${hooksPath(org)}/${created.id}`, { method: 'DELETE', cookie: org.owner })).status).toBe(404)
  })

  it('refuses bad addresses and events with 400 and a pointer', async () => {
    const org = await seedOrg()
    const cases: [unknown, string][] = [
      [{ url: 'inte en adress', events: ['assessment.opened'] }, '/url'],
      [{ url: 'ftp://hooks.example.se/x', events: ['assessment.opened'] }, '/url'],
      [{ url: 'https://user:pw@hooks.example.se/x', events: ['assessment.opened'] }, '/url'],
      [{ url: 'https://hooks.example.se/x', events: [] }, '/events'],
      [{ url: 'https://hooks.example.se/x', events: ['response.saved'] }, '/events/0'],
      [{ url: 'https://hooks.example.se/x', events: ['assessment.opened'], secret: 'mine' }, '/secret'],
      [{ events: ['assessment.opened'] }, '/url'],
    ]
    for (const [body, path] of cases) {
      const res = await call(hooksPath(org), { cookie: org.owner, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect((await json(res)).errors.map((e: { path: string }) => e.path)).toContain(path)
    }
  })

  it('is for owners and admins only: keys and analysts get 403, strangers 404', async () => {
    const org = await seedOrg()
    const other = await seedOrg()
    const hook = await addWebhook(org, 'https://hooks.example.se/a', ['assessment.closed'])
    const body = { url: 'https://hooks.example.se/b', events: ['assessment.closed'] }
    for (const who of [{ key: org.readKey }, { key: org.writeKey }, { cookie: org.analyst }]) {
      expect((await call(hooksPath(org), who)).status).toBe(403)
      expect((await call(hooksPath(org), { ...who, body })).status).toBe(403)
      expect((await call(`${hooksPath(org)}/${hook.id}`, { ...who, method: 'DELETE' })).status).toBe(403)
    }
    expect((await call(hooksPath(org))).status).toBe(401)
    // An admin manages them like the owner.
    const admin = await adminOf(org)
    const made = await call(hooksPath(org), { cookie: admin, body })
    expect(made.status).toBe(201)
    expect((await json(await call(hooksPath(org), { cookie: admin }))).items).toHaveLength(2)
    expect((await call(`${hooksPath(org)}/${(await json(made)).id}`, { method: 'DELETE', cookie: admin })).status).toBe(204)
    // Another organisation's people and keys do not see this one; its webhook ids mean nothing elsewhere.
    expect((await call(hooksPath(org), { cookie: other.owner })).status).toBe(404)
    expect((await call(hooksPath(org), { key: other.writeKey })).status).toBe(404)
    expect((await call(`${hooksPath(other)}/${hook.id}`, { method: 'DELETE', cookie: other.owner })).status).toBe(404)
    expect((await json(await call(hooksPath(other), { cookie: other.owner }))).items).toEqual([])
    expect((await json(await call(hooksPath(org), { cookie: org.owner }))).items).toHaveLength(1)
  })
})

// Rounds with mail through the queue and several cron runs each: generous on a busy machine.
describe('webhook deliveries', { timeout: 60_000 }, () => {
  it('signs opened and closed events the Standard Webhooks way, with a date and no one’s answers', async () => {
    const org = await seedOrg()
    const target = fresh('ok')
    const hook = await addWebhook(org, target.url, ['assessment.opened', 'assessment.closed'])
    const { round } = await openRoundWith(org, people(org, `wh-open-${target.name}`, 2), { name: 'Hösten' })
    const [opened] = await eventually(async () => (await receivedBy(target.name)).length === 1 && receivedBy(target.name))
    await expectSigned(hook.secret, opened)
    expect(Math.abs(Number(opened.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60)
    expect(JSON.parse(opened.body)).toEqual({
      type: 'assessment.opened',
      timestamp: today(),
      data: { organisation: { id: org.id, slug: org.slug }, assessment: { id: round.id, name: 'Hösten', status: 'open' } },
    })

    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
    const got = await eventually(async () => {
      const all = await receivedBy(target.name)
      return all.length === 2 && all
    })
    await expectSigned(hook.secret, got[1])
    expect(got[1].headers['webhook-id']).not.toBe(opened.headers['webhook-id'])
    expect(JSON.parse(got[1].body)).toMatchObject({ type: 'assessment.closed', timestamp: today(), data: { assessment: { id: round.id, status: 'closed' } } })
  })

  it('retries after a 500 with backoff, resending the same message', async () => {
    const org = await seedOrg()
    const target = fresh('fail-once')
    const hook = await addWebhook(org, target.url, ['assessment.opened'])
    await openRoundWith(org, people(org, `wh-retry-${target.name}`, 1))
    const [first] = await eventually(async () => (await receivedBy(target.name)).length === 1 && receivedBy(target.name))
    expect(first.answered).toBe(500)
    const row = await eventually(async () => (await env.DB.prepare('SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND attempts = 1').bind(hook.id).first<{ status: string; last_status: number; next_attempt_at: string }>()) ?? undefined)
    expect(row).toMatchObject({ status: 'pending', last_status: 500 })
    const wait = Date.parse(row.next_attempt_at) - Date.now()
    expect(wait).toBeGreaterThan(30_000)
    expect(wait).toBeLessThanOrEqual(60_000)

    await runCron(Date.now()) // not due yet: nothing is sent
    expect(await receivedBy(target.name)).toHaveLength(1)
    await runCron(Date.now() + 2 * 60_000)
    const all = await receivedBy(target.name)
    expect(all).toHaveLength(2)
    expect(all[1].answered).toBe(204)
    expect(all[1].headers['webhook-id']).toBe(first.headers['webhook-id'])
    expect(all[1].body).toBe(first.body)
    await expectSigned(hook.secret, all[1])
    expect(await env.DB.prepare('SELECT status, attempts FROM webhook_deliveries WHERE webhook_id = ?').bind(hook.id).first()).toEqual({ status: 'delivered', attempts: 2 })
  })

  it('gives up after the last backoff step', async () => {
    const org = await seedOrg()
    const target = fresh('fail')
    const hook = await addWebhook(org, target.url, ['assessment.opened'])
    await openRoundWith(org, people(org, `wh-fail-${target.name}`, 1))
    await eventually(async () => (await receivedBy(target.name)).length === 1)
    let now = Date.now()
    for (let i = 0; i < 10; i++) await runCron((now += 11 * 3600_000))
    expect(await receivedBy(target.name)).toHaveLength(8)
    expect(await env.DB.prepare('SELECT status, attempts, last_status FROM webhook_deliveries WHERE webhook_id = ?').bind(hook.id).first()).toEqual({ status: 'failed', attempts: 8, last_status: 500 })
  })

  it('sends response.submitted after the UTC day ends, with the date only and nothing about the respondent', async () => {
    const org = await seedOrg()
    const target = fresh('ok')
    const hook = await addWebhook(org, target.url, ['response.submitted'])
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, `wh-sub-${target.name}`, 1))
    const token = tokens.get(ps[0].email)!
    const items = (await json(await call(`/api/v1/respond/${token}`))).items as { id: string }[]
    const answers = { [items[0].id]: 5, [items[1].id]: 2 }
    expect((await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers }, origin: null })).status).toBe(200)
    expect((await call(`/api/v1/respond/${token}/submit`, { method: 'POST', origin: null })).status).toBe(200)
    expect((await call(`/api/v1/respond/${token}/submit`, { method: 'POST', origin: null })).status).toBe(200)

    const rows = (await env.DB.prepare('SELECT * FROM webhook_deliveries WHERE webhook_id = ?').bind(hook.id).all<{ next_attempt_at: string; body: string }>()).results
    expect(rows).toHaveLength(1) // a repeated submit raises nothing
    const midnight = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS
    expect(rows[0].next_attempt_at).toBe(new Date(midnight).toISOString())
    await runCron(Date.now() + 60_000)
    expect(await receivedBy(target.name)).toEqual([]) // the opened event is not subscribed, the submit waits

    await runCron(midnight + 60_000)
    const [got] = await receivedBy(target.name)
    await expectSigned(hook.secret, got)
    expect(JSON.parse(got.body)).toEqual({
      type: 'response.submitted',
      timestamp: today(),
      data: { organisation: { id: org.id, slug: org.slug }, assessment: { id: round.id, name: round.name, status: 'open' } },
    })
    for (const leak of [items[0].id, items[1].id, ps[0].id, ps[0].email, 'answers']) expect(got.body).not.toContain(leak)
    expect(got.body).not.toMatch(/T\d{2}:\d{2}/)
  })

  it('reports closes made lazily on read and by the cron', async () => {
    const org = await seedOrg()
    const target = fresh('ok')
    await addWebhook(org, target.url, ['assessment.closed'])
    const lazy = await openRoundWith(org, people(org, `wh-lazy-${target.name}`, 1))
    const cron = await openRoundWith(org, people(org, `wh-cron-${target.name}`, 1))
    const past = new Date(Date.now() - 60_000).toISOString()
    await env.DB.prepare('UPDATE assessments SET closes_at = ? WHERE id IN (?, ?)').bind(past, lazy.round.id, cron.round.id).run()

    expect((await json(await call(`/api/v1/orgs/${org.slug}/assessments/${lazy.round.id}`, { key: org.readKey }))).status).toBe('closed')
    await eventually(async () => (await receivedBy(target.name)).length === 1)
    await runCron(Date.now())
    const all = await receivedBy(target.name)
    expect(all.map((r) => JSON.parse(r.body).data.assessment.id).sort()).toEqual([lazy.round.id, cron.round.id].sort())
    expect(all.every((r) => JSON.parse(r.body).type === 'assessment.closed')).toBe(true)
  })

  it('stops delivering to a deleted webhook', async () => {
    const org = await seedOrg()
    const target = fresh('fail')
    const hook = await addWebhook(org, target.url, ['assessment.opened'])
    await openRoundWith(org, people(org, `wh-del-${target.name}`, 1))
    await eventually(async () => (await receivedBy(target.name)).length === 1)
    expect((await call(`${hooksPath(org)}/${hook.id}`, { method: 'DELETE', cookie: org.owner })).status).toBe(204)
    await runCron(Date.now() + 2 * 60_000)
    expect(await receivedBy(target.name)).toHaveLength(1)
    expect(await env.DB.prepare('SELECT count(*) AS n FROM webhook_deliveries WHERE webhook_id = ?').bind(hook.id).first('n')).toBe(0)
  })
})
