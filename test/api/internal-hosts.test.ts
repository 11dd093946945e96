import { describe, expect, inject, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { app } from '../../worker/index'
import { call, json, request, type CallInit } from '../helpers/http'
import { addRespondents, createRound, people, seedOrg, type SeededOrg } from '../helpers/seed'
import type { Received } from '../helpers/webhook-receiver'
import type { Bindings } from '../../worker/env'

/**
 * api.md: in production the Worker never calls a webhook or an identity provider on loopback,
 * link-local, private, shared (CGNAT) or metadata hosts, nor a local name. Requests go to the app
 * with production bindings; the local webhook receiver (127.0.0.1) plays the internal service.
 */

const receiver = inject('webhookReceiver')
const production = { ...env, APP_ENV: 'production' } as unknown as Bindings
const prodCookie = (cookie: string) => cookie.replace(/^mognad_session=/, '__Host-mognad_session=')

async function inProduction(path: string, init: CallInit = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(request(path, init), production, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

const INTERNAL = [
  'https://127.0.0.1/hook',
  'https://localhost/hook',
  'https://[::1]/hook',
  'https://10.1.2.3/hook',
  'https://172.20.0.5/hook',
  'https://192.168.0.10/hook',
  'https://[fd00::5]/hook',
  'https://[fe80::1]/hook',
  'https://169.254.10.1/hook',
  'https://100.64.1.1/hook',
  'https://169.254.169.254/latest/meta-data/',
  'https://metadata.google.internal/computeMetadata/v1/',
  'https://hooks.corp.internal/x',
  'https://nas.local/x',
  'https://[::ffff:127.0.0.1]/hook',
  'https://2130706433/hook',
]

describe('POST /api/v1/orgs/:org/webhooks in production', () => {
  it('refuses internal hosts with 400 at /url and stores nothing', async () => {
    const org = await seedOrg()
    for (const url of INTERNAL) {
      const res = await inProduction(`/api/v1/orgs/${org.slug}/webhooks`, { cookie: prodCookie(org.owner), body: { url, events: ['assessment.opened'] }, headers: { 'Accept-Language': 'en' } })
      expect(res.status, url).toBe(400)
      const problem = await json(res)
      expect(problem.code).toBe('VALIDATION_FAILED')
      expect(problem.errors).toEqual([{ path: '/url', message: expect.stringContaining('a webhook must go to a public host') }])
    }
    const sv = await json(await inProduction(`/api/v1/orgs/${org.slug}/webhooks`, { cookie: prodCookie(org.owner), body: { url: 'https://169.254.169.254/', events: ['assessment.opened'] } }))
    expect(sv.detail).toBe('Adressen pekar på en metadatatjänst i molnet; en webhook måste gå till en publik adress.')
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM webhooks WHERE org_id = ?').bind(org.id).first<{ n: number }>()
    expect(stored?.n).toBe(0)
  })

  it('accepts a public host', async () => {
    const org = await seedOrg()
    const res = await inProduction(`/api/v1/orgs/${org.slug}/webhooks`, { cookie: prodCookie(org.owner), body: { url: 'https://hooks.example.se/mognad', events: ['assessment.opened'] } })
    expect(res.status).toBe(201)
  })
})

describe('webhook delivery in production', () => {
  async function roundWithHook(org: SeededOrg) {
    const name = `internal${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`
    // Stored outside production (http to the local receiver is allowed there), as a row written
    // before the rule would be.
    const hook = await json(await call(`/api/v1/orgs/${org.slug}/webhooks`, { cookie: org.owner, body: { url: `${receiver}/hooks/ok/${name}`, events: ['assessment.opened'] } }))
    const round = await createRound(org)
    await addRespondents(org, round.id, people(org, name, 1))
    return { name, hook, round }
  }
  const receivedBy = async (name: string) => (await (await fetch(`${receiver}/received/${name}`)).json()) as Received[]

  it('never calls an internal host: the delivery fails at once without a request', async () => {
    const org = await seedOrg()
    const { name, hook, round } = await roundWithHook(org)
    const opened = await inProduction(`/api/v1/orgs/${org.slug}/assessments/${round.id}/open`, { key: org.writeKey, method: 'POST' })
    expect(opened.status).toBe(200)
    const rows = await env.DB.prepare('SELECT status, attempts, last_status FROM webhook_deliveries WHERE webhook_id = ?').bind(hook.id).all()
    expect(rows.results).toEqual([{ status: 'failed', attempts: 1, last_status: null }])
    expect(await receivedBy(name)).toEqual([])
  })

  it('delivers to the same receiver outside production (the refusal above is the rule, not the network)', async () => {
    const org = await seedOrg()
    const { name, hook, round } = await roundWithHook(org)
    const ctx = createExecutionContext()
    const opened = await app.fetch(request(`/api/v1/orgs/${org.slug}/assessments/${round.id}/open`, { key: org.writeKey, method: 'POST' }), env, ctx)
    await waitOnExecutionContext(ctx)
    expect(opened.status).toBe(200)
    const rows = await env.DB.prepare('SELECT status FROM webhook_deliveries WHERE webhook_id = ?').bind(hook.id).all()
    expect(rows.results).toEqual([{ status: 'delivered' }])
    expect(await receivedBy(name)).toHaveLength(1)
  })
})

describe('PATCH /api/v1/orgs/:org OIDC issuer in production', () => {
  it('refuses an issuer on an internal host with 400 at /oidc/issuer and keeps the old one', async () => {
    const org = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}`
    const ok = await inProduction(path, { method: 'PATCH', cookie: prodCookie(org.owner), body: { oidc: { issuer: 'https://login.example.se' } } })
    expect(ok.status).toBe(200)
    for (const issuer of ['https://127.0.0.1:8443', 'https://localhost', 'https://10.0.0.7/realms/x', 'https://[fd12::1]', 'https://169.254.169.254', 'https://metadata.google.internal', 'https://idp.internal', 'https://adfs.local', 'https://100.100.100.200']) {
      const res = await inProduction(path, { method: 'PATCH', cookie: prodCookie(org.owner), body: { oidc: { issuer } }, headers: { 'Accept-Language': 'en' } })
      expect(res.status, issuer).toBe(400)
      const problem = await json(res)
      expect(problem.errors).toEqual([{ path: '/oidc/issuer', message: expect.stringContaining('it must have a public host') }])
    }
    expect((await json(await inProduction(path, { cookie: prodCookie(org.owner) }))).oidc.issuer).toBe('https://login.example.se')
  })

  it('still allows an http issuer on loopback outside production (local providers)', async () => {
    const org = await seedOrg()
    const res = await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: org.owner, body: { oidc: { issuer: 'http://127.0.0.1:9999' } } })
    expect(res.status).toBe(200)
  })
})
