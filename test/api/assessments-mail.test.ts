import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { call, json } from '../helpers/http'
import worker from '../../worker/index'
import { addRespondents, createRound, eventually, listAllRespondents, mailTo, openRoundWith, people, seedOrg, seedUnit, tokenOf, type SeededOrg } from '../helpers/seed'

const round = (org: SeededOrg, id: string, tail: string) => `/api/v1/orgs/${org.slug}/assessments/${id}${tail}`
const participation = async (org: SeededOrg, id: string) => json(await call(round(org, id, '/participation'), { key: org.readKey }))
const sentCount = async (batchId: string) =>
  ((await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE batch_id = ? AND status = 'sent'").bind(batchId).first()) as { n: number }).n

describe('invitations through the queue', () => {
  it('queues one outbox row per respondent on open and the consumer sends them all', async () => {
    const org = await seedOrg()
    const { round: r } = await openRoundWith(org, people(org, 'inv', 120))
    const queued = await env.DB.prepare("SELECT count(*) AS n, min(kind) AS kind, min(lang) AS lang FROM outbox WHERE batch_id = ?").bind(r.id).first()
    expect(queued).toEqual({ n: 120, kind: 'invitation', lang: 'sv' })
    await eventually(async () => (await sentCount(r.id)) === 120)
    const p = await participation(org, r.id)
    expect(p.sending).toEqual({ queued: 0, sent: 120, failed: 0 })
    // The payload holds ids and names only: the token is derived when the message is sent.
    const row = (await env.DB.prepare('SELECT payload FROM outbox WHERE batch_id = ? LIMIT 1').bind(r.id).first()) as { payload: string }
    expect(Object.keys(JSON.parse(row.payload)).sort()).toEqual(['assessmentName', 'closesAt', 'orgName', 'origin', 'respondentId'])
  })

  it('opens a round of 5,000 in one request: bulk outbox insert plus two sendBatch calls', async () => {
    const org = await seedOrg()
    const r = await createRound(org)
    await addRespondents(org, r.id, people(org, 'bulk', 5000))
    const started = performance.now()
    const res = await call(round(org, r.id, '/open'), { key: org.writeKey, method: 'POST' })
    const ms = performance.now() - started
    expect(res.status).toBe(200)
    const n = await env.DB.prepare("SELECT count(*) AS n FROM respondents WHERE assessment_id = ? AND status = 'invited'").bind(r.id).first()
    expect(n).toEqual({ n: 5000 })
    await eventually(async () => (await sentCount(r.id)) === 5000, 60_000)
    console.log(`open 5,000: request ${ms.toFixed(0)} ms, all delivered by the queue consumer ${(performance.now() - started).toFixed(0)} ms after`)
  }, 90_000)
})

describe('POST …/reminders', () => {
  it('reminds invited and started respondents who have not submitted, once per 24 hours, with the same link', async () => {
    const org = await seedOrg()
    const { round: r, people: ps, tokens } = await openRoundWith(org, people(org, 'rem', 4))
    const [submitted, started] = ps.map((p) => tokens.get(p.email)!)
    await call(`/api/v1/respond/${submitted}/submit`, { method: 'POST' })
    await call(`/api/v1/respond/${started}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 3 } } })
    const first = await call(round(org, r.id, '/reminders'), { key: org.writeKey, method: 'POST' })
    expect(first.status).toBe(200)
    expect(await json(first)).toEqual({ sent: 3 })
    expect(await json(await call(round(org, r.id, '/reminders'), { cookie: org.owner, method: 'POST' }))).toEqual({ sent: 0 })
    const mails = await eventually(async () => {
      const m = await mailTo(ps[1].email)
      return m.length === 2 && m
    })
    expect(mails[0].subject).toMatch(/Påminnelse/)
    expect(mails[0].links).toEqual(mails[1].links)
    expect(mails[0].links[0].endsWith(`/r/${started}`)).toBe(true)
    // A day later they may be reminded again.
    await env.DB.prepare('UPDATE respondents SET reminded_at = ? WHERE assessment_id = ?').bind(new Date(Date.now() - 25 * 3600_000).toISOString(), r.id).run()
    expect(await json(await call(round(org, r.id, '/reminders'), { key: org.writeKey, method: 'POST' }))).toEqual({ sent: 3 })
  })

  it('only while open (409)', async () => {
    const org = await seedOrg()
    const draft = await createRound(org)
    expect((await call(round(org, draft.id, '/reminders'), { key: org.writeKey, method: 'POST' })).status).toBe(409)
    const { round: r } = await openRoundWith(org, people(org, 'remc', 1))
    await call(round(org, r.id, '/close'), { key: org.writeKey, method: 'POST' })
    expect((await call(round(org, r.id, '/reminders'), { key: org.writeKey, method: 'POST' })).status).toBe(409)
    expect((await call(round(org, r.id, '/reminders'), { key: org.readKey, method: 'POST' })).status).toBe(403)
  })
})

describe('GET …/participation', () => {
  it('has null rates before anyone is invited', async () => {
    const org = await seedOrg({ k: 3 })
    const r = await createRound(org)
    await addRespondents(org, r.id, people(org, 'none', 3))
    const p = await participation(org, r.id)
    expect(p).toEqual({
      invited: 0, started: 0, submitted: 0, rate: null, asOf: expect.any(String), k: 3,
      sending: { queued: 0, sent: 0, failed: 0 },
      byRole: [{ role: 'staff', invited: 0, started: 0, submitted: 0, rate: null }],
      byUnit: [{ unitId: null, invited: 0, started: 0, submitted: 0, rate: null }],
    })
  })

  it('counts cumulatively by role and unit, for groups of at least k', async () => {
    const org = await seedOrg({ k: 3 })
    const unit = await seedUnit(org.id, 'Skola')
    const rows = [
      ...[1, 2, 3].map((i) => ({ email: `p${i}@${org.domain}`, role: 'it', unitId: unit })),
      ...[4, 5, 6].map((i) => ({ email: `p${i}@${org.domain}`, role: 'staff' })),
    ]
    const { round: r, tokens } = await openRoundWith(org, rows)
    await call(`/api/v1/respond/${tokens.get(`p1@${org.domain}`)}/submit`, { method: 'POST' })
    await call(`/api/v1/respond/${tokens.get(`p4@${org.domain}`)}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 1 } } })
    const p = await participation(org, r.id)
    expect(p).toMatchObject({ invited: 6, started: 2, submitted: 1, rate: 1 / 6 })
    expect(p.byRole).toEqual([
      { role: 'it', invited: 3, started: 1, submitted: 1, rate: 1 / 3 },
      { role: 'staff', invited: 3, started: 1, submitted: 0, rate: 0 },
    ])
    expect(p.byUnit).toEqual([
      { unitId: unit, invited: 3, started: 1, submitted: 1, rate: 1 / 3 },
      { unitId: null, invited: 3, started: 1, submitted: 0, rate: 0 },
    ])
  })
})

describe('the mail queue consumer', () => {
  it('renders and sends the outbox rows a message names, then acknowledges it', async () => {
    const org = await seedOrg({ name: 'Kö kommun' })
    const r = await createRound(org, { language: 'en' })
    await addRespondents(org, r.id, [{ email: `queue.direct@${org.domain}`, role: 'it' }])
    const [p] = await listAllRespondents(org, r.id)
    const payload = JSON.stringify({ respondentId: p.id, orgName: 'Kö kommun', assessmentName: 'Q', closesAt: null, origin: 'http://app.test' })
    await env.DB.prepare("INSERT INTO outbox (id, org_id, batch_id, to_email, kind, lang, payload, status, attempts, created_at) VALUES ('out_direct', ?, ?, ?, 'invitation', 'en', ?, 'queued', 0, ?)")
      .bind(org.id, r.id, p.email, payload, new Date().toISOString()).run()
    const batch = createMessageBatch('mognad-mail', [
      { id: 'm1', timestamp: new Date(), attempts: 1, body: { outboxIds: ['out_direct'] } },
      { id: 'm2', timestamp: new Date(), attempts: 1, body: { outboxIds: ['out_unknown'] } },
    ])
    const ctx = createExecutionContext()
    await worker.queue(batch as MessageBatch<{ outboxIds: string[] }>, env)
    const result = await getQueueResult(batch, ctx)
    expect(result.explicitAcks.sort()).toEqual(['m1', 'm2'])
    expect(await env.DB.prepare("SELECT status FROM outbox WHERE id = 'out_direct'").first()).toEqual({ status: 'sent' })
    const [mail] = await mailTo(`queue.direct@${org.domain}`)
    expect(mail.subject).toBe('Kö kommun: measure our digital maturity')
    expect(mail.links).toEqual([`http://app.test/r/${await tokenOf(p.id)}`])
  })
})
