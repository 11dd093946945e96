/**
 * Vitest globalSetup (runs in Node, not workerd): starts a real OpenID provider (oidc-provider)
 * on 127.0.0.1 on a free port and hands its issuer URL to the tests through `provide`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateKeyPairSync } from 'node:crypto'
import Provider, { type ProviderContext } from 'oidc-provider'
import type { TestProject } from 'vitest/node'
import { ACCOUNT_EMAIL_PATH, claimsForAccount, ES_CLIENT, OIDC_CALLBACK, RS_CLIENT } from './oidc-clients'

declare module 'vitest' {
  export interface ProvidedContext {
    oidcIssuer: string
  }
}

function signingKeys() {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })
  return [
    { ...rsa, kid: 'rsa-1', use: 'sig', alg: 'RS256' },
    { ...ec, kid: 'ec-1', use: 'sig', alg: 'ES256' },
  ]
}

function client(c: { clientId: string; clientSecret: string; alg: string }) {
  return {
    client_id: c.clientId,
    client_secret: c.clientSecret,
    redirect_uris: [OIDC_CALLBACK],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    id_token_signed_response_alg: c.alg,
    token_endpoint_auth_method: 'client_secret_basic',
  }
}

/** Addresses tests gave accounts: the provider's claims follow them while the subject stays. */
const emails = new Map<string, string>()

function setAccountEmail(req: IncomingMessage, res: ServerResponse) {
  const query = new URL(req.url ?? '', 'http://x').searchParams
  emails.set(query.get('account') ?? '', query.get('email') ?? '')
  res.writeHead(204).end()
}

export default async function setup(project: TestProject) {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end()
  const server = createServer((req, res) => handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider = new Provider(issuer, {
    clients: [client(RS_CLIENT), client(ES_CLIENT)],
    jwks: { keys: signingKeys() },
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
  const providerHandler = provider.callback()
  handler = (req, res) => (req.url?.startsWith(ACCOUNT_EMAIL_PATH) ? setAccountEmail(req, res) : providerHandler(req, res))
  project.provide('oidcIssuer', issuer)

  return async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
