import { describe, expect, it, inject } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { signInAtProvider } from '../helpers/oidc-browser'
import { cookieFrom, errorOf, ssoSignIn as signIn, start } from '../helpers/oidc-flow'
import { navigate } from '../helpers/oidc-http'
import { ES_CLIENT, OIDC_CALLBACK, RS_CLIENT } from '../helpers/oidc-clients'
import { freshDomain, freshEmail, seedOidcOrg, type SeedOidcMember } from '../helpers/oidc-seed'
import { signedToken, testKeys } from '../helpers/oidc-tokens'
import { createLocalJWKSet } from 'jose'
import { oauthClient } from '../../worker/services/oidc/client'
import { validatedIdToken } from '../../worker/services/oidc/id-token'

const issuer = inject('oidcIssuer')

const rsOrg = (members: SeedOidcMember[], extra: { status?: 'pending' | 'active'; domains?: string[]; proven?: string[] } = {}) =>
  seedOidcOrg({ issuer, client: RS_CLIENT, members, ...extra })

describe('GET /api/v1/auth/oidc/{org}/start', () => {
  it('redirects to the issuer’s authorization endpoint with PKCE, state and nonce, and records the flow', async () => {
    const org = await rsOrg([])
    const { location, binding } = await start(org.slug)
    expect(`${location.origin}${location.pathname}`).toBe(`${issuer}/auth`)
    const q = location.searchParams
    expect(q.get('response_type')).toBe('code')
    expect(q.get('client_id')).toBe(RS_CLIENT.clientId)
    expect(q.get('redirect_uri')).toBe(OIDC_CALLBACK)
    expect(q.get('scope')).toBe('openid email profile')
    expect(q.get('code_challenge_method')).toBe('S256')
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(q.get('state')!.length).toBeGreaterThanOrEqual(43)
    expect(q.get('nonce')!.length).toBeGreaterThanOrEqual(43)
    expect(binding).toBe(`mognad_oidc=${q.get('state')}`)
    const flow = await env.DB.prepare('SELECT * FROM oidc_flows WHERE org_id = ?').bind(org.id).first<{ state: string; expires_at: string; nonce: string }>()
    expect(flow).not.toBeNull()
    // Stored under the state's hash, not the state itself.
    expect(flow!.state).not.toBe(q.get('state'))
    expect(flow!.nonce).toBe(q.get('nonce'))
    const ttl = Date.parse(flow!.expires_at) - Date.now()
    expect(ttl).toBeGreaterThan(9 * 60 * 1000)
    expect(ttl).toBeLessThanOrEqual(10 * 60 * 1000)
  })

  it('sets the binding cookie HttpOnly and SameSite=Lax', async () => {
    const org = await rsOrg([])
    const res = await navigate(`/api/v1/auth/oidc/${org.slug}/start`)
    const line = res.headers.getSetCookie().find((c) => c.startsWith('mognad_oidc='))!
    expect(line).toMatch(/HttpOnly/)
    expect(line).toMatch(/SameSite=Lax/)
    expect(line).toMatch(/Max-Age=600/)
  })

  it('redirects an unknown organisation to the sign-in page with unknown_organisation', async () => {
    expect(errorOf(await navigate('/api/v1/auth/oidc/no-such-org/start'))).toBe('unknown_organisation')
  })

  it('redirects with oidc_not_configured when settings are missing or incomplete', async () => {
    const none = await seedOidcOrg({ issuer: null })
    expect(errorOf(await navigate(`/api/v1/auth/oidc/${none.slug}/start`))).toBe('oidc_not_configured')
    const noDomains = await seedOidcOrg({ issuer, client: RS_CLIENT, domains: [] })
    expect(errorOf(await navigate(`/api/v1/auth/oidc/${noDomains.slug}/start`))).toBe('oidc_not_configured')
  })

  it('refuses a plain-http issuer that is not on loopback without contacting it', async () => {
    const org = await seedOidcOrg({ issuer: 'http://idp.example.test', client: RS_CLIENT, domains: [freshDomain()] })
    expect(errorOf(await navigate(`/api/v1/auth/oidc/${org.slug}/start`))).toBe('oidc_not_configured')
  })

  it('redirects with provider_unavailable when discovery fails', async () => {
    const org = await seedOidcOrg({ issuer: `${issuer}/nowhere`, client: RS_CLIENT, domains: [freshDomain()] })
    expect(errorOf(await navigate(`/api/v1/auth/oidc/${org.slug}/start`))).toBe('provider_unavailable')
  })
})

describe('GET /api/v1/auth/oidc/callback', () => {
  it('signs a member in (RS256): new session, audit entry, redirect to the organisation', async () => {
    const email = freshEmail('anna.')
    const org = await rsOrg([{ email }])
    const previous = 'mognad_session=stale-session-value'
    const started = await start(org.slug)
    const back = await signInAtProvider(started.location.href, email)
    const res = await navigate(`${back.pathname}${back.search}`, `${started.binding}; ${previous}`)
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe(`/o/${org.slug}`)
    const session = cookieFrom(res, 'mognad_session')
    expect(session).toBeDefined()
    expect(session).not.toBe(previous)
    const line = res.headers.getSetCookie().find((c) => c.startsWith('mognad_session='))!
    expect(line).toMatch(/HttpOnly/)
    // The binding cookie is cleared.
    expect(res.headers.getSetCookie().some((c) => c.startsWith('mognad_oidc=;') && c.includes('Max-Age=0'))).toBe(true)

    const me = await call('/api/v1/auth/me', { cookie: session })
    expect(me.status).toBe(200)
    const body = await json(me)
    expect(body.user.email).toBe(email)
    expect(body.organisations.map((o: { slug: string }) => o.slug)).toContain(org.slug)

    const entry = await env.DB.prepare("SELECT * FROM audit_log WHERE org_id = ? AND action = 'auth.sign_in'").bind(org.id).first<{ detail: string; actor_label: string }>()
    expect(JSON.parse(entry!.detail)).toMatchObject({ method: 'oidc' })
    expect(entry!.actor_label).toBe(email)
  })

  it('signs in with an ES256-signing client and Entra ID’s xms_edov in place of email_verified', async () => {
    const email = freshEmail('edov.')
    const org = await seedOidcOrg({ issuer, client: ES_CLIENT, members: [{ email }] })
    const { res } = await signIn(org.slug, email)
    expect(res.headers.get('Location')).toBe(`/o/${org.slug}`)
    expect(cookieFrom(res, 'mognad_session')).toBeDefined()
  })

  it('activates a pending organisation when its owner signs in', async () => {
    const email = freshEmail('owner.')
    const org = await rsOrg([{ email, role: 'owner' }], { status: 'pending' })
    const { res } = await signIn(org.slug, email)
    expect(res.headers.get('Location')).toBe(`/o/${org.slug}`)
    const row = await env.DB.prepare('SELECT status, activated_at FROM organisations WHERE id = ?').bind(org.id).first<{ status: string; activated_at: string }>()
    expect(row).toMatchObject({ status: 'active' })
    expect(row!.activated_at).not.toBeNull()
  })

  it('matches the e-mail case-insensitively', async () => {
    const email = freshEmail('case.')
    const org = await rsOrg([{ email }])
    const { res } = await signIn(org.slug, email.toUpperCase())
    expect(res.headers.get('Location')).toBe(`/o/${org.slug}`)
  })

  it('refuses someone who is not a member of the organisation, without a session', async () => {
    const domain = freshDomain()
    const org = await rsOrg([{ email: freshEmail('member.', domain) }])
    // A member of ANOTHER organisation is not a member of this one either.
    const elsewhere = freshEmail('elsewhere.', domain)
    await rsOrg([{ email: elsewhere }], { proven: [] })
    for (const account of [freshEmail('stranger.', domain), elsewhere]) {
      const { res } = await signIn(org.slug, account)
      expect(errorOf(res)).toBe('not_a_member')
      expect(cookieFrom(res, 'mognad_session')).toBeUndefined()
    }
  })

  it('refuses an address the provider does not vouch for (email_verified false)', async () => {
    const email = freshEmail('unverified.')
    const org = await rsOrg([{ email }])
    const { res } = await signIn(org.slug, email)
    expect(errorOf(res)).toBe('email_not_verified')
    expect(cookieFrom(res, 'mognad_session')).toBeUndefined()
  })

  it('refuses an address outside the allowed domains even for a member', async () => {
    const email = freshEmail('outside.', 'other.test')
    const org = await rsOrg([{ email }], { domains: [freshDomain()] })
    const { res } = await signIn(org.slug, email)
    expect(errorOf(res)).toBe('domain_not_allowed')
    expect(cookieFrom(res, 'mognad_session')).toBeUndefined()
  })

  it('uses a state only once: a replayed callback is invalid_state', async () => {
    const email = freshEmail('replay.')
    const org = await rsOrg([{ email }])
    const first = await signIn(org.slug, email)
    expect(first.res.headers.get('Location')).toBe(`/o/${org.slug}`)
    const again = await navigate(first.callbackPath, first.binding)
    expect(errorOf(again)).toBe('invalid_state')
    expect(cookieFrom(again, 'mognad_session')).toBeUndefined()
  })

  it('refuses a callback in a browser that did not start the flow (no or another binding cookie)', async () => {
    const email = freshEmail('csrf.')
    const org = await rsOrg([{ email }])
    const started = await start(org.slug)
    const back = await signInAtProvider(started.location.href, email)
    const path = `${back.pathname}${back.search}`
    expect(errorOf(await navigate(path))).toBe('invalid_state')
    const other = await start(org.slug)
    expect(errorOf(await navigate(path, other.binding))).toBe('invalid_state')
    // The rightful browser can still finish: the refused attempts did not use the flow up.
    const res = await navigate(path, started.binding)
    expect(res.headers.get('Location')).toBe(`/o/${org.slug}`)
  })

  it('refuses an unknown or missing state', async () => {
    expect(errorOf(await navigate('/api/v1/auth/oidc/callback?code=x&state=made-up', 'mognad_oidc=made-up'))).toBe('invalid_state')
    expect(errorOf(await navigate('/api/v1/auth/oidc/callback?code=x'))).toBe('invalid_state')
  })

  it('refuses an expired flow', async () => {
    const org = await rsOrg([])
    const { location, binding } = await start(org.slug)
    await env.DB.prepare("UPDATE oidc_flows SET expires_at = '2000-01-01T00:00:00.000Z' WHERE org_id = ?").bind(org.id).run()
    const res = await navigate(`/api/v1/auth/oidc/callback?code=x&state=${location.searchParams.get('state')}`, binding)
    expect(errorOf(res)).toBe('invalid_state')
  })

  it('reports an error answer from the provider as provider_error and uses the flow up', async () => {
    const org = await rsOrg([])
    const { location, binding } = await start(org.slug)
    const path = `/api/v1/auth/oidc/callback?error=access_denied&state=${location.searchParams.get('state')}`
    expect(errorOf(await navigate(path, binding))).toBe('provider_error')
    expect(errorOf(await navigate(path, binding))).toBe('invalid_state')
  })

  it('refuses a callback whose iss names another issuer (mix-up)', async () => {
    const email = freshEmail('mixup.')
    const org = await rsOrg([{ email }])
    const started = await start(org.slug)
    const back = await signInAtProvider(started.location.href, email)
    back.searchParams.set('iss', 'https://evil.example')
    expect(errorOf(await navigate(`${back.pathname}${back.search}`, started.binding))).toBe('provider_error')
  })

  it('refuses an ID token whose nonce is not the flow’s', async () => {
    const email = freshEmail('nonce.')
    const org = await rsOrg([{ email }])
    const started = await start(org.slug)
    const back = await signInAtProvider(started.location.href, email)
    await env.DB.prepare("UPDATE oidc_flows SET nonce = 'another-nonce' WHERE org_id = ?").bind(org.id).run()
    const res = await navigate(`${back.pathname}${back.search}`, started.binding)
    expect(errorOf(res)).toBe('invalid_id_token')
    expect(cookieFrom(res, 'mognad_session')).toBeUndefined()
  })

  it('reports token_exchange_failed when the provider rejects the client secret', async () => {
    const email = freshEmail('secret.')
    const org = await seedOidcOrg({ issuer, client: { clientId: RS_CLIENT.clientId, clientSecret: 'wrong-secret' }, members: [{ email }] })
    const { res } = await signIn(org.slug, email)
    expect(errorOf(res)).toBe('token_exchange_failed')
  })

  it('reports token_exchange_failed when the PKCE verifier does not match', async () => {
    const email = freshEmail('pkce.')
    const org = await rsOrg([{ email }])
    const started = await start(org.slug)
    const back = await signInAtProvider(started.location.href, email)
    await env.DB.prepare("UPDATE oidc_flows SET code_verifier = 'x-not-the-verifier-x-not-the-verifier-x-not' WHERE org_id = ?").bind(org.id).run()
    expect(errorOf(await navigate(`${back.pathname}${back.search}`, started.binding))).toBe('token_exchange_failed')
  })
})

describe('OpenAPI', () => {
  it('documents both single sign-on operations as public', async () => {
    const doc = await json(await call('/api/v1/openapi.json'))
    expect(doc.paths['/api/v1/auth/oidc/{org}/start'].get['x-access']).toBe('public')
    expect(doc.paths['/api/v1/auth/oidc/callback'].get['x-access']).toBe('public')
  })
})

describe('validatedIdToken (jose and oauth4webapi, without the provider)', async () => {
  const keys = await testKeys()
  const now = Date.now()
  const as = { issuer: 'https://idp.example', jwks_uri: 'https://idp.example/jwks', id_token_signing_alg_values_supported: ['RS256', 'ES256'] }
  const client = oauthClient('client-1')
  const nonce = 'n-1'
  const claims = { iss: 'https://idp.example', aud: 'client-1', sub: 'u1', nonce, iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300 }
  const jwks = createLocalJWKSet({ keys: keys.publicJwks })
  const tokenResponse = (idToken: string) =>
    new Response(JSON.stringify({ access_token: 'at', token_type: 'Bearer', id_token: idToken }), { headers: { 'Content-Type': 'application/json' } })
  const verify = (token: string) => validatedIdToken(as, client, tokenResponse(token), nonce, jwks)
  const reason = async (token: string) => {
    try {
      await verify(token)
      return 'verified'
    } catch (err) {
      return (err as { code: string }).code
    }
  }

  it('accepts RS256 and ES256 tokens signed by a published key', async () => {
    expect((await verify(await signedToken(keys, 'RS256', claims))).sub).toBe('u1')
    expect((await verify(await signedToken(keys, 'ES256', claims))).sub).toBe('u1')
  })

  it('rejects a tampered payload or signature', async () => {
    for (const alg of ['RS256', 'ES256'] as const) {
      const [h, p, sig] = (await signedToken(keys, alg, claims)).split('.')
      const forged = btoa(JSON.stringify({ ...claims, sub: 'admin' })).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_')
      expect(await reason(`${h}.${forged}.${sig}`)).toBe('invalid_id_token')
      expect(await reason(`${h}.${p}.${sig.slice(0, -4)}AAAA`)).toBe('invalid_id_token')
    }
  })

  it('rejects alg none, HS256 and a key id the provider does not publish', async () => {
    const b64 = (v: unknown) => btoa(JSON.stringify(v)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_')
    expect(await reason(`${b64({ alg: 'none' })}.${b64(claims)}.`)).toBe('invalid_id_token')
    expect(await reason(`${b64({ alg: 'HS256' })}.${b64(claims)}.c2ln`)).toBe('invalid_id_token')
    expect(await reason(await signedToken(keys, 'RS256', claims, 'unknown-kid'))).toBe('invalid_id_token')
  })

  it('rejects the wrong issuer, audience, nonce, an expired token and one issued in the future', async () => {
    const t = Math.floor(now / 1000)
    for (const bad of [
      { iss: 'https://other.example' },
      { aud: 'client-2' },
      { aud: ['client-1', 'client-2'] },
      { nonce: 'n-2' },
      { nonce: undefined },
      { exp: t - 600 },
      { iat: t + 600 },
      { sub: undefined },
    ]) {
      expect(await reason(await signedToken(keys, 'RS256', { ...claims, ...bad }))).toBe('invalid_id_token')
    }
    expect(await reason(await signedToken(keys, 'RS256', { ...claims, aud: ['client-1', 'client-2'], azp: 'client-1' }))).toBe('verified')
  })

  it('reports a token response without an ID token as token_exchange_failed', async () => {
    const res = new Response(JSON.stringify({ access_token: 'at', token_type: 'Bearer' }), { headers: { 'Content-Type': 'application/json' } })
    await expect(validatedIdToken(as, client, res, nonce, jwks)).rejects.toMatchObject({ code: 'token_exchange_failed' })
  })
})
