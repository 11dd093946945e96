import { Hono } from 'hono'
import type { Context } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import * as z from 'zod/mini'
import type { AppEnv } from '../env'
import { op } from '../openapi/registry'
import { findOrgByRef } from '../db/organisations'
import { hitFixedWindow } from '../db/rate-limits'
import { OidcFailure, type OidcErrorCode } from '../services/oidc/errors'
import { beginSignIn, completeSignIn, FLOW_TTL_MS } from '../services/oidc/sign-in'

op({
  method: 'get',
  path: '/auth/oidc/{org}/start',
  summary: 'Start single sign-on with the organisation’s OpenID provider (browser navigation)',
  tag: 'auth',
  access: 'public',
  params: z.object({ org: z.string() }),
  responses: { 302: { description: 'To the provider’s authorisation endpoint; on failure to `/sign-in?error=<code>` (`unknown_organisation`, `oidc_not_configured`, `provider_unavailable`, `rate_limited` after 30 starts per client address and minute)' } },
})
op({
  method: 'get',
  path: '/auth/oidc/callback',
  summary: 'Return from the OpenID provider: signs in an existing member, for this organisation only (browser navigation)',
  tag: 'auth',
  access: 'public',
  query: z.object({ code: z.optional(z.string()), state: z.optional(z.string()), iss: z.optional(z.string()), error: z.optional(z.string()) }),
  responses: {
    302: {
      description:
        'To `/o/{slug}` with the session cookie set; on failure to `/sign-in?error=<code>` (`invalid_state`, `provider_error`, `provider_unavailable`, `token_exchange_failed`, `invalid_id_token`, `email_not_verified`, `domain_not_allowed`, `domain_not_proven`, `not_a_member`, `identity_not_linked`, `oidc_not_configured`)',
    },
  },
})

/**
 * Binds a flow to the browser that started it (its value is the state): without it, a callback URL
 * carrying someone else's code could sign a victim in to the attacker's account. SameSite=Lax still
 * travels on the provider's top-level redirect back to us.
 */
function bindingCookieName(c: Context<AppEnv>) {
  return c.env.APP_ENV === 'production' ? '__Host-mognad_oidc' : 'mognad_oidc'
}

/** Browser flows end in redirects, never in problem+json: the sign-in page explains the code. */
function failed(c: Context<AppEnv>, err: unknown) {
  if (!(err instanceof OidcFailure)) throw err
  console.warn(JSON.stringify({ requestId: c.get('requestId'), oidc: err.code, detail: err.detail }))
  return signInError(c, err.code)
}

const signInError = (c: Context<AppEnv>, code: OidcErrorCode) => c.redirect(`/sign-in?error=${code}`, 302)

/**
 * Each start writes a flow row and may fetch the provider's discovery document: a fixed window
 * per client address keeps one client from filling the table or hammering the provider. A person
 * clicking a sign-in button never comes near 30 a minute.
 */
export const OIDC_START_LIMIT = { limit: 30, windowSeconds: 60 }

async function startRateLimited(c: Context<AppEnv>): Promise<boolean> {
  const client = c.req.header('CF-Connecting-IP') ?? 'unknown'
  const { count } = await hitFixedWindow(c.get('db'), `oidc:ip:${client}`, OIDC_START_LIMIT.windowSeconds, Date.now())
  return count > OIDC_START_LIMIT.limit
}

export const oidcRoutes = new Hono<AppEnv>()
  .get('/callback', async (c) => {
    const boundState = getCookie(c, bindingCookieName(c))
    deleteCookie(c, bindingCookieName(c), { path: '/', secure: c.env.APP_ENV === 'production' })
    try {
      const slug = await completeSignIn(c, c.req.query(), boundState)
      return c.redirect(`/o/${encodeURIComponent(slug)}`, 302)
    } catch (err) {
      return failed(c, err)
    }
  })
  .get('/:org/start', async (c) => {
    if (await startRateLimited(c)) return signInError(c, 'rate_limited')
    // Unknown organisations redirect like every other failure: this is a link a person clicks.
    const org = await findOrgByRef(c.get('db'), c.req.param('org'))
    if (!org) return signInError(c, 'unknown_organisation')
    try {
      const { location, state } = await beginSignIn(c, org)
      setCookie(c, bindingCookieName(c), state, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.env.APP_ENV === 'production',
        path: '/',
        maxAge: FLOW_TTL_MS / 1000,
      })
      return c.redirect(location, 302)
    } catch (err) {
      return failed(c, err)
    }
  })
