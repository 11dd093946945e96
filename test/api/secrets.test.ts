import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import worker, { app } from '../../worker/index'
import { request, json, type CallInit } from '../helpers/http'
import { randomOrgNumber } from '../helpers/org-number'
import { seedOrg } from '../helpers/seed'
import type { Bindings } from '../../worker/env'
import { decryptSecret, encryptSecret, hmac } from '../../worker/lib/crypto'

/**
 * api.md: a missing or weak TOKEN_SECRET, ANSWER_KEY_SECRET or DATA_KEY makes every request but
 * health answer 503 naming it, and nothing is written. Each request goes to the app with its own
 * bindings object, as a deploy without that secret would run it.
 */

type Name = 'TOKEN_SECRET' | 'ANSWER_KEY_SECRET' | 'DATA_KEY'
const NAMES: Name[] = ['TOKEN_SECRET', 'ANSWER_KEY_SECRET', 'DATA_KEY']
// 16 random bytes (base64url): a real secret, but half the required length.
const SHORT = 'q7T0cYb2Zr1mX9dKp3LwVg'
const VARIANTS: [string, (e: Record<string, unknown>, name: Name) => void][] = [
  ['missing', (e, name) => delete e[name]],
  ['empty', (e, name) => (e[name] = '')],
  ['short', (e, name) => (e[name] = SHORT)],
]

function bindingsWith(change: (e: Record<string, unknown>) => void): Bindings {
  const copy: Record<string, unknown> = { ...env }
  change(copy)
  return copy as unknown as Bindings
}

async function send(bindings: Bindings, path: string, init: CallInit = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(request(path, init), bindings, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

/** Every row of every table, as a backup would copy them (a write of any kind changes it). */
async function snapshot(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name").all<{ name: string }>()
  expect(tables.results.length).toBeGreaterThan(10)
  const out: Record<string, string[]> = {}
  for (const { name } of tables.results) out[name] = (await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results.map((r) => JSON.stringify(r)).sort()
  return JSON.stringify(out)
}

const signupBody = () => ({
  organisation: { name: `Fellänge ${crypto.randomUUID().slice(0, 8)}`, orgNumber: randomOrgNumber(), kind: 'municipality' },
  owner: { name: 'Ägare', email: `owner-${crypto.randomUUID().slice(0, 8)}@example.se` },
})

describe('secrets fail loudly', () => {
  for (const name of NAMES) {
    for (const [variant, change] of VARIANTS) {
      it(`with ${name} ${variant}: health is 503 naming it, every other request is 503 and writes nothing`, async () => {
        const org = await seedOrg()
        const bindings = bindingsWith((e) => change(e, name))
        const before = await snapshot()

        const health = await send(bindings, '/api/v1/health')
        expect(health.status).toBe(503)
        const healthBody = await health.text()
        expect(JSON.parse(healthBody)).toEqual({ status: 'misconfigured', missing: [name] })
        expect(healthBody).not.toContain(SHORT)

        const signup = await send(bindings, '/api/v1/signup', { body: signupBody(), headers: { 'Accept-Language': 'en' } })
        expect(signup.status).toBe(503)
        expect(signup.headers.get('Content-Type')).toContain('application/problem+json')
        const problem = await json(signup)
        expect(problem).toMatchObject({ status: 503, code: 'MISCONFIGURED', missing: [name] })
        expect(problem.detail).toContain(name)
        expect(problem.detail).toContain('missing or too weak')

        const link = await send(bindings, '/api/v1/auth/sign-in-link', { body: { email: `${org.slug}@example.se` } })
        expect(link.status).toBe(503)
        const sv = await json(link)
        expect(sv.detail).toContain(name)
        expect(sv.detail).toContain('saknas eller är för svag')

        const others = [
          await send(bindings, '/api/v1/auth/verify', { body: { token: 'x'.repeat(43) } }),
          await send(bindings, `/api/v1/orgs/${org.slug}/units`, { key: org.writeKey, body: { name: 'Ny enhet' } }),
          await send(bindings, `/api/v1/orgs/${org.slug}/webhooks`, { cookie: org.owner, body: { url: 'https://hooks.example.se/x', events: ['assessment.opened'] } }),
          await send(bindings, `/api/v1/orgs/${org.slug}`, { key: org.readKey }),
          await send(bindings, '/api/v1/respond/some-token'),
        ]
        expect(others.map((r) => r.status)).toEqual([503, 503, 503, 503, 503])
        for (const r of others) expect((await json(r)).missing).toEqual([name])

        expect(await snapshot()).toBe(before)
      })
    }
  }

  it('names every weak secret at once', async () => {
    const bindings = bindingsWith((e) => {
      e.TOKEN_SECRET = ''
      e.DATA_KEY = 'a'.repeat(64)
    })
    expect(await json(await send(bindings, '/api/v1/health'))).toEqual({ status: 'misconfigured', missing: ['TOKEN_SECRET', 'DATA_KEY'] })
  })

  it('writes as usual with every secret in place (the snapshot sees a sign-up)', async () => {
    const bindings = bindingsWith(() => {})
    expect(await json(await send(bindings, '/api/v1/health'))).toEqual({ status: 'ok' })
    const before = await snapshot()
    expect((await send(bindings, '/api/v1/signup', { body: signupBody() })).status).toBe(201)
    expect(await snapshot()).not.toBe(before)
  })

  it('never derives a key from an empty secret', async () => {
    await expect(hmac('', 'sign-in:x')).rejects.toThrow('empty secret')
    await expect(encryptSecret('', 'client-secret')).rejects.toThrow('empty secret')
    const sealed = await encryptSecret(env.DATA_KEY, 'client-secret')
    await expect(decryptSecret('', sealed)).rejects.toThrow('empty secret')
  })

  it('refuses to run the cron without its secrets', async () => {
    const bindings = bindingsWith((e) => delete e.ANSWER_KEY_SECRET)
    const ctx = createExecutionContext()
    await expect(worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), bindings, ctx)).rejects.toThrow('ANSWER_KEY_SECRET')
  })
})
