import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/index'
import type { Bindings } from '../../worker/env'
import { json } from '../helpers/http'

/** Calls the app with the Worker's bindings changed, as a deploy with other vars would run it. */
function callWith(vars: Partial<Bindings>, url: string, init: RequestInit = {}) {
  return app.request(url, { ...init, headers: { 'CF-Connecting-IP': '10.9.8.7', ...init.headers } }, { ...env, ...vars })
}

const demoOrgs = async () => (await env.DB.prepare("SELECT count(*) AS n FROM organisations WHERE slug = 'demo'").first<{ n: number }>())!.n

describe('/api/v1/dev/* outside a local development or test run', () => {
  it.each([
    ['production with its https origin', { APP_ENV: 'production', APP_ORIGIN: 'https://mognad.example.se' }, 'https://mognad.example.se'],
    ['production on a loopback origin', { APP_ENV: 'production', APP_ORIGIN: 'http://127.0.0.1:8787' }, 'http://127.0.0.1:8787'],
    ['development deployed with a public APP_ORIGIN', { APP_ENV: 'development', APP_ORIGIN: 'https://mognad.example.se' }, 'https://mognad.example.se'],
    ['development without APP_ORIGIN on a public host', { APP_ENV: 'development', APP_ORIGIN: undefined }, 'https://mognad-dev.example.workers.dev'],
    ['a .test host outside APP_ENV test', { APP_ENV: 'development', APP_ORIGIN: 'http://app.test' }, 'http://app.test'],
  ] as const)('answers 404 and seeds nothing in %s', async (_label, vars, origin) => {
    const outbox = await callWith(vars, `${origin}/api/v1/dev/outbox?to=agare@demo.mognad.se`)
    expect(outbox.status).toBe(404)
    expect(outbox.headers.get('Content-Type')).toContain('application/problem+json')
    expect((await json(outbox)).code).toBe('NOT_FOUND')
    const seed = await callWith(vars, `${origin}/api/v1/dev/seed`, { method: 'POST' })
    expect(seed.status).toBe(404)
    expect(await demoOrgs()).toBe(0)
  })

  it.each([
    ['development on 127.0.0.1', { APP_ENV: 'development', APP_ORIGIN: undefined }, 'http://127.0.0.1:8787'],
    ['development on localhost', { APP_ENV: 'development', APP_ORIGIN: 'http://localhost:8787' }, 'http://localhost:8787'],
    ['test on [::1]', { APP_ENV: 'test', APP_ORIGIN: 'http://[::1]:8787' }, 'http://[::1]:8787'],
  ] as const)('exists in %s', async (_label, vars, origin) => {
    const outbox = await callWith(vars, `${origin}/api/v1/dev/outbox?to=nobody@example.se`)
    expect(outbox.status).toBe(200)
    expect(await json(outbox)).toEqual({ items: [] })
  })
})
