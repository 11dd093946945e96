/**
 * The two halves of single sign-on: `beginSignIn` sends the browser to the organisation's
 * provider, `completeSignIn` turns the provider's answer into a session for an existing member,
 * confined to that organisation.
 */
import type { Context } from 'hono'
import type { AppEnv, Bindings } from '../../env'
import type { OrgRow } from '../../db/organisations'
import type { OidcTokenAuthMethod } from '../../../schema/enums'
import { activateOwnedPendingOrgs, findOrgById } from '../../db/organisations'
import { consumeOidcFlow, insertOidcFlow } from '../../db/oidc'
import { findUserById } from '../../db/users'
import { appOrigin } from '../../middleware/origin'
import { decryptSecret, sha256 } from '../../lib/crypto'
import { startSession } from '../auth/session'
import { audit } from '../audit'
import { OidcFailure } from './errors'
import { authorisationResponse, discover, exchangeCode, newFlowSecrets, oauthClient, tokenAuthMethod } from './client'
import { providerKeys, validatedIdToken } from './id-token'
import { memberForIdentity } from './link'

export const FLOW_TTL_MS = 10 * 60 * 1000
export const CALLBACK_PATH = '/api/v1/auth/oidc/callback'

interface OrgOidc {
  issuer: string
  clientId: string
  clientSecret: string
  allowedDomains: string[]
  tokenAuthMethod: OidcTokenAuthMethod | null
}

/** The organisation's provider settings, complete or not at all: without a domain nobody could pass. */
async function orgOidc(env: Bindings, org: OrgRow): Promise<OrgOidc> {
  const allowedDomains = org.oidcAllowedDomains
  if (!org.oidcIssuer || !org.oidcClientId || !org.oidcClientSecretEnc || allowedDomains.length === 0)
    throw new OidcFailure('oidc_not_configured', `organisation ${org.id} has incomplete OIDC settings`)
  let clientSecret: string
  try {
    clientSecret = await decryptSecret(env.DATA_KEY, org.oidcClientSecretEnc)
  } catch {
    throw new OidcFailure('oidc_not_configured', 'the stored client secret cannot be decrypted with DATA_KEY')
  }
  return { issuer: org.oidcIssuer, clientId: org.oidcClientId, clientSecret, allowedDomains, tokenAuthMethod: org.oidcTokenAuthMethod }
}

/** The flow is stored under the hash of its state: the row alone cannot complete anyone's sign-in. */
const stateKey = (state: string) => sha256(state)

/** Records a new flow for the organisation and returns the provider's authorisation URL and the state. */
export async function beginSignIn(c: Context<AppEnv>, org: OrgRow): Promise<{ location: string; state: string }> {
  const production = c.env.APP_ENV === 'production'
  const config = await orgOidc(c.env, org)
  const meta = await discover(config.issuer, production)
  const secrets = await newFlowSecrets()
  const now = Date.now()
  await insertOidcFlow(
    c.get('db'),
    { state: await stateKey(secrets.state), orgId: org.id, codeVerifier: secrets.codeVerifier, nonce: secrets.nonce, expiresAt: new Date(now + FLOW_TTL_MS).toISOString() },
    new Date(now).toISOString(),
  )
  const url = new URL(meta.authorization_endpoint!)
  const params = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: `${appOrigin(c)}${CALLBACK_PATH}`,
    scope: 'openid email profile',
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: secrets.codeChallenge,
    code_challenge_method: 'S256',
  }
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return { location: url.href, state: secrets.state }
}

/** The callback's query parameters as the provider sent them (code, state, iss, or error …). */
export type CallbackQuery = Record<string, string>

/**
 * Completes the flow whose state the browser both carries in its binding cookie and brings back
 * from the provider. Once that holds, the flow is consumed before anything else, so every outcome
 * (even a failure) uses it up.
 * Returns the slug of the organisation the member is now signed in to.
 */
export async function completeSignIn(c: Context<AppEnv>, query: CallbackQuery, boundState: string | undefined): Promise<string> {
  const db = c.get('db')
  if (!query.state) throw new OidcFailure('invalid_state', 'no state in the callback')
  // Login CSRF: a callback URL made in another browser (the attacker's code) has no matching cookie here.
  if (boundState !== query.state) throw new OidcFailure('invalid_state', 'state is not bound to this browser')
  const flow = await consumeOidcFlow(db, await stateKey(query.state))
  const now = Date.now()
  if (!flow || flow.expiresAt <= new Date(now).toISOString()) throw new OidcFailure('invalid_state', 'unknown, used or expired state')
  if (query.error) throw new OidcFailure('provider_error', `provider answered ${query.error}`)
  const org = await findOrgById(db, flow.orgId)
  if (!org) throw new OidcFailure('oidc_not_configured', 'the organisation was deleted during sign-in')
  const config = await orgOidc(c.env, org)
  const production = c.env.APP_ENV === 'production'
  const as = await discover(config.issuer, production)
  const client = oauthClient(config.clientId)
  const params = authorisationResponse(as, client, new URLSearchParams(query), query.state)
  const response = await exchangeCode(as, client, {
    params,
    codeVerifier: flow.codeVerifier,
    redirectUri: `${appOrigin(c)}${CALLBACK_PATH}`,
    clientSecret: config.clientSecret,
    method: tokenAuthMethod(as, config.tokenAuthMethod),
    production,
  })
  const claims = await validatedIdToken(as, client, response, flow.nonce, providerKeys(as.jwks_uri!))
  const nowIso = new Date(now).toISOString()
  const userId = await memberForIdentity(db, org, config.allowedDomains, { issuer: as.issuer, sub: claims.sub, claims }, nowIso)

  // The session reaches this organisation only: its provider speaks for nobody's other memberships.
  await activateOwnedPendingOrgs(db, userId, nowIso, org.id)
  await startSession(c, userId, org.id)
  const user = await findUserById(db, userId)
  c.set('principal', { kind: 'session', userId, sessionHash: '', email: user?.email ?? '', name: user?.name ?? '', scopeOrgId: org.id })
  await audit(c, org.id, 'auth.sign_in', userId, { method: 'oidc', issuer: config.issuer })
  return org.slug
}
