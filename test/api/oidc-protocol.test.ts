/** Protocol variations of single sign-on against real providers: client authentication and key rotation. */
import { describe, expect, it, inject } from 'vitest'
import type { AuthorizationServer } from 'oauth4webapi'
import { ES_CLIENT, LAST_TOKEN_AUTH_PATH, POST_CLIENT, ROTATE_KEYS_PATH, RS_CLIENT } from '../helpers/oidc-clients'
import { errorOf, ssoSignIn } from '../helpers/oidc-flow'
import { freshEmail, seedOidcOrg } from '../helpers/oidc-seed'
import { discover, tokenAuthMethod } from '../../worker/services/oidc/client'
import { JWKS_REFRESH_COOLDOWN_MS } from '../../worker/services/oidc/id-token'
import { issuerProblem, providerUrlProblem } from '../../worker/services/oidc/url'

const issuer = inject('oidcIssuer')
const secondIssuer = inject('oidcSecondIssuer')

describe('token endpoint authentication', () => {
  const lastMethod = async () => (await (await fetch(`${secondIssuer}${LAST_TOKEN_AUTH_PATH}`)).json<{ method: string }>()).method

  it('sends the credentials in the form (client_secret_post) when the organisation chooses it', async () => {
    const email = freshEmail('post.')
    const org = await seedOidcOrg({ issuer: secondIssuer, client: POST_CLIENT, tokenAuthMethod: 'client_secret_post', members: [{ email }] })
    const { res, session } = await ssoSignIn(org.slug, email)
    expect(res.headers.get('Location')).toBe(`/o/${org.slug}`)
    expect(session).toBeDefined()
    expect(await lastMethod()).toBe('client_secret_post')
  })

  it('uses client_secret_basic when the provider offers it and the organisation has not chosen', async () => {
    const email = freshEmail('basic.')
    const org = await seedOidcOrg({ issuer: secondIssuer, client: RS_CLIENT, members: [{ email }] })
    expect((await ssoSignIn(org.slug, email)).res.headers.get('Location')).toBe(`/o/${org.slug}`)
    expect(await lastMethod()).toBe('client_secret_basic')
  })

  it('reports token_exchange_failed for a wrong secret sent in the form', async () => {
    const email = freshEmail('wrong.')
    const org = await seedOidcOrg({ issuer: secondIssuer, client: { clientId: POST_CLIENT.clientId, clientSecret: 'wrong' }, tokenAuthMethod: 'client_secret_post', members: [{ email }] })
    expect(errorOf((await ssoSignIn(org.slug, email)).res)).toBe('token_exchange_failed')
  })

  it('chooses from discovery: basic when offered, else post, and fails without either', () => {
    const as = (methods?: string[]): AuthorizationServer => ({ issuer: 'https://idp.example', token_endpoint_auth_methods_supported: methods })
    expect(tokenAuthMethod(as(), null)).toBe('client_secret_basic')
    expect(tokenAuthMethod(as(['client_secret_post', 'client_secret_basic']), null)).toBe('client_secret_basic')
    expect(tokenAuthMethod(as(['client_secret_post']), null)).toBe('client_secret_post')
    expect(tokenAuthMethod(as(['client_secret_basic']), 'client_secret_post')).toBe('client_secret_post')
    expect(() => tokenAuthMethod(as(['private_key_jwt']), null)).toThrow(expect.objectContaining({ code: 'token_exchange_failed' }))
  })
})

describe('provider key rotation', { timeout: 30_000 }, () => {
  it('keeps signing people in when the provider replaces its signing key by one with a new key id', async () => {
    const first = freshEmail('rotate.')
    const second = freshEmail('rotate.')
    const org = await seedOidcOrg({ issuer: secondIssuer, client: RS_CLIENT, domains: [first.split('@')[1], second.split('@')[1]], members: [{ email: first }, { email: second }] })
    expect((await ssoSignIn(org.slug, first)).res.headers.get('Location')).toBe(`/o/${org.slug}`)
    const fetchedAt = Date.now()

    const rotated = await (await fetch(`${secondIssuer}${ROTATE_KEYS_PATH}`, { method: 'POST' })).json<{ kid: string }>()
    const jwks = await (await fetch(`${secondIssuer}/jwks`)).json<{ keys: { kid: string }[] }>()
    expect(jwks.keys.map((k) => k.kid)).toContain(rotated.kid)
    expect(jwks.keys.map((k) => k.kid)).not.toContain('rsa-1')

    // The Worker still holds the old key set; the unknown key id makes it read the new one (once
    // the refresh cool-down since its last read has passed).
    await new Promise((r) => setTimeout(r, Math.max(0, fetchedAt + JWKS_REFRESH_COOLDOWN_MS + 200 - Date.now())))
    const after = await ssoSignIn(org.slug, second)
    expect(after.res.headers.get('Location')).toBe(`/o/${org.slug}`)
    expect(after.session).toBeDefined()
  })
})

describe('issuer and endpoint URLs', () => {
  it('refuses plain http and loopback issuers in production, tolerates loopback http elsewhere', async () => {
    expect(issuerProblem('http://127.0.0.1:9000', true)).toMatch(/https/)
    expect(issuerProblem('http://localhost:9000', true)).toMatch(/https/)
    expect(issuerProblem('http://idp.example', false)).toMatch(/https/)
    expect(issuerProblem('http://127.0.0.1:9000', false)).toBeNull()
    expect(issuerProblem('https://idp.example/?x=1', true)).toMatch(/query/)
    expect(providerUrlProblem('https://user:pw@idp.example/token', true)).toMatch(/credentials/)
    // In production a discovered endpoint on an internal host is refused like the issuer itself.
    for (const url of ['https://169.254.169.254/token', 'https://10.0.0.8/jwks', 'https://localhost/authorize', 'https://idp.internal/token'])
      expect(providerUrlProblem(url, true), url).toMatch(/public host/)
    expect(providerUrlProblem('https://10.0.0.8/jwks', false)).toBeNull()
    expect(providerUrlProblem('https://login.microsoftonline.com/t/oauth2/v2.0/token', true)).toBeNull()
    await expect(discover(issuer, true)).rejects.toMatchObject({ code: 'oidc_not_configured' })
  })

  it('signs in with ES256 on the second provider too (its own key set)', async () => {
    const email = freshEmail('es.')
    const org = await seedOidcOrg({ issuer: secondIssuer, client: ES_CLIENT, members: [{ email }] })
    expect((await ssoSignIn(org.slug, email)).res.headers.get('Location')).toBe(`/o/${org.slug}`)
  })
})
