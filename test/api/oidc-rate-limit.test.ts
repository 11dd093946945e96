import { describe, expect, it, inject } from 'vitest'
import { env, exports } from 'cloudflare:workers'
import { ORIGIN } from '../helpers/http'
import { RS_CLIENT } from '../helpers/oidc-clients'
import { freshDomain, seedOidcOrg } from '../helpers/oidc-seed'
import { OIDC_START_LIMIT } from '../../worker/routes/oidc'

const issuer = inject('oidcIssuer')

/** A browser navigation to /start from one client address, redirects not followed. */
async function start(slug: string, ip: string): Promise<string> {
  const worker = (exports as unknown as { default: Fetcher }).default
  const res = await worker.fetch(new Request(`${ORIGIN}/api/v1/auth/oidc/${slug}/start`, { headers: { 'CF-Connecting-IP': ip }, redirect: 'manual' }))
  expect(res.status).toBe(302)
  return res.headers.get('Location') ?? ''
}

/** Waits for a fresh window when the current one ends within 30 s, so 31+ starts share one window. */
async function awayFromWindowEdge() {
  const left = OIDC_START_LIMIT.windowSeconds - ((Date.now() / 1000) % OIDC_START_LIMIT.windowSeconds)
  if (left < 30) await new Promise((r) => setTimeout(r, left * 1000 + 100))
}

// 31+ sequential starts, and possibly a wait for a fresh window: generous on a busy machine.
describe('GET /api/v1/auth/oidc/{org}/start rate limit', { timeout: 90_000 }, () => {
  it('redirects to /sign-in?error=rate_limited after 30 starts a minute from one address, others unaffected', async () => {
    const org = await seedOidcOrg({ issuer, client: RS_CLIENT, domains: [freshDomain()] })
    const ip = '198.51.100.30'
    await awayFromWindowEdge()
    for (let i = 0; i < OIDC_START_LIMIT.limit; i++) expect(await start(org.slug, ip)).toMatch(new RegExp(`^${issuer}/auth\\?`))
    expect(await start(org.slug, ip)).toBe('/sign-in?error=rate_limited')
    // Unknown organisations count too: the limit comes before any lookup.
    expect(await start('finns-inte', ip)).toBe('/sign-in?error=rate_limited')
    // Another client address has its own window.
    expect(await start(org.slug, '198.51.100.31')).toMatch(new RegExp(`^${issuer}/auth\\?`))
    expect(await start('finns-inte', '198.51.100.32')).toBe('/sign-in?error=unknown_organisation')
  })

  it('lets the address in again once its window has passed', async () => {
    const org = await seedOidcOrg({ issuer, client: RS_CLIENT, domains: [freshDomain()] })
    const ip = '198.51.100.40'
    await awayFromWindowEdge()
    for (let i = 0; i <= OIDC_START_LIMIT.limit; i++) await start(org.slug, ip)
    expect(await start(org.slug, ip)).toBe('/sign-in?error=rate_limited')
    // Move the window into the past, as a minute later would.
    await env.DB.prepare('UPDATE rate_limits SET window_start = window_start - 120 WHERE key = ?').bind(`oidc:ip:${ip}`).run()
    expect(await start(org.slug, ip)).toMatch(new RegExp(`^${issuer}/auth\\?`))
  })
})
