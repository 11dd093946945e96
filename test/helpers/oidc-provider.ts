/**
 * Vitest globalSetup (runs in Node, not workerd): starts real OpenID providers (oidc-provider) on
 * 127.0.0.1 on free ports and hands their issuer URLs to the tests through `provide`. The second
 * one is for the tests that change or observe the provider (key rotation, how the token request
 * authenticated), which must not disturb the tests that share the first.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateKeyPairSync } from 'node:crypto'
import Provider, { type ProviderContext } from 'oidc-provider'
import type { TestProject } from 'vitest/node'
import { ACCOUNT_EMAIL_PATH, claimsForAccount, ES_CLIENT, LAST_TOKEN_AUTH_PATH, OIDC_CALLBACK, POST_CLIENT, ROTATE_KEYS_PATH, RS_CLIENT } from './oidc-clients'

declare module 'vitest' {
  export interface ProvidedContext {
    oidcIssuer: string
    oidcSecondIssuer: string
  }
}

function signingKeys(generation: number) {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })
  return [
    { ...rsa, kid: `rsa-${generation}`, use: 'sig', alg: 'RS256' },
    { ...ec, kid: `ec-${generation}`, use: 'sig', alg: 'ES256' },
  ]
}

function client(c: { clientId: string; clientSecret: string; alg: string; authMethod?: string }) {
  return {
    client_id: c.clientId,
    client_secret: c.clientSecret,
    redirect_uris: [OIDC_CALLBACK],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    id_token_signed_response_alg: c.alg,
    token_endpoint_auth_method: c.authMethod ?? 'client_secret_basic',
  }
}

/** Addresses tests gave accounts: the provider's claims follow them while the subject stays. */
const emails = new Map<string, string>()

function setAccountEmail(req: IncomingMessage, res: ServerResponse) {
  const query = new URL(req.url ?? '', 'http://x').searchParams
  emails.set(query.get('account') ?? '', query.get('email') ?? '')
  res.writeHead(204).end()
}

function newProvider(issuer: string, generation: number) {
  return new Provider(issuer, {
    clients: [client(RS_CLIENT), client(ES_CLIENT), client(POST_CLIENT)],
    jwks: { keys: signingKeys(generation) },
    cookies: { keys: ['oidc-test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    // Like Entra ID, Google and Keycloak: the e-mail claims travel in the ID token itself (the
    // Worker reads identity from the verified ID token only, never from userinfo).
    conformIdTokenClaims: false,
    async findAccount(_ctx: unknown, accountId: string) {
      return { accountId, claims: async () => claimsForAccount(accountId, emails.get(accountId)) }
    },
    // First-party test clients: grant the requested scopes without a consent screen, so a test
    // drives only the login form.
    async loadExistingGrant(ctx: ProviderContext) {
      const { provider: p, client: rp, session } = ctx.oidc
      if (!rp || !session?.accountId) return undefined
      const grant = new p.Grant({ accountId: session.accountId, clientId: rp.clientId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
}

/**
 * One provider on its own port. `observable` lets ROTATE_KEYS_PATH swap in a provider with fresh
 * keys and LAST_TOKEN_AUTH_PATH tell how the last token request authenticated.
 */
async function serve(observable: boolean) {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end()
  const server = createServer((req, res) => handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let generation = 1
  let current = newProvider(issuer, generation).callback()
  let lastTokenAuth = ''
  const answer = (res: ServerResponse, body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
  handler = (req, res) => {
    if (req.url?.startsWith(ACCOUNT_EMAIL_PATH)) return setAccountEmail(req, res)
    if (observable && req.url?.startsWith(ROTATE_KEYS_PATH)) {
      current = newProvider(issuer, ++generation).callback()
      return answer(res, { kid: `rsa-${generation}` })
    }
    if (observable && req.url?.startsWith(LAST_TOKEN_AUTH_PATH)) return answer(res, { method: lastTokenAuth })
    // Credentials travel in the Authorization header (basic) or in the form (post).
    if (req.method === 'POST' && req.url?.startsWith('/token')) lastTokenAuth = req.headers.authorization ? 'client_secret_basic' : 'client_secret_post'
    current(req, res)
  }
  const close = async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return { issuer, close }
}

export default async function setup(project: TestProject) {
  const main = await serve(false)
  const second = await serve(true)
  project.provide('oidcIssuer', main.issuer)
  project.provide('oidcSecondIssuer', second.issuer)
  return async () => {
    await main.close()
    await second.close()
  }
}
