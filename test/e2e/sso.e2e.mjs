// Single sign-on in Chromium: a real OpenID provider (oidc-provider, in this process) for an
// organisation whose owner has signed in once with an e-mail link and whose domain is proven;
// the person signs in through the sign-in page, the provider's login form and back, lands in the
// organisation, and the start page says the session reaches that organisation only.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import Provider from 'oidc-provider'
import { ROOT, toolEnv } from '../../scripts/lib/tools.mjs'
import { assert, checkA11y, latestMail, openPage, screenshot } from './helpers.mjs'

const CLIENT = { id: 'mognad-e2e', secret: 'e2e-client-secret-0123456789' }

async function startProvider(callback) {
  const server = createServer((req, res) => handler(req, res))
  let handler = (_req, res) => res.writeHead(503).end()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${server.address().port}`
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [callback], response_types: ['code'], grant_types: ['authorization_code'] }],
    jwks: { keys: [{ ...key, kid: 'e2e-1', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['e2e-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    conformIdTokenClaims: false,
    async findAccount(_ctx, accountId) {
      return { accountId, claims: async () => ({ sub: accountId, email: accountId, email_verified: true, name: accountId.split('@')[0] }) }
    },
    async loadExistingGrant(ctx) {
      const { provider: p, client, session } = ctx.oidc
      if (!client || !session?.accountId) return undefined
      const grant = new p.Grant({ accountId: session.accountId, clientId: client.clientId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  handler = provider.callback()
  return { issuer, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) }
}

const run = randomUUID().slice(0, 8)
const ORG = { id: `org_e2esso${run}`, slug: `inloggningsby-${run}`, name: 'Inloggningsby kommun' }
const DOMAIN = `sso${run}.example`
const EMAIL = `sara@${DOMAIN}`

/**
 * Before the server starts: the organisation, its owner and a proven domain, straight in the
 * database (proving a domain takes a DNS record, which a browser test cannot publish).
 */
export function prepare(stateDir) {
  const now = new Date().toISOString()
  const sql = [
    `INSERT INTO organisations (id, slug, name, org_number, kind, status, created_at, activated_at) VALUES ('${ORG.id}', '${ORG.slug}', '${ORG.name}', 'e2e-${run}', 'municipality', 'active', '${now}', '${now}')`,
    `INSERT INTO users (id, email, name, created_at) VALUES ('usr_e2esso${run}', '${EMAIL}', 'Sara Ägare', '${now}')`,
    `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ('${ORG.id}', 'usr_e2esso${run}', 'owner', '${now}')`,
    `INSERT INTO org_domains (id, org_id, domain, token, created_at, verified_at) VALUES ('dom_e2esso${run}', '${ORG.id}', '${DOMAIN}', 'e2e', '${now}', '${now}')`,
  ].join('; ')
  const wrangler = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
  const result = spawnSync(process.execPath, [wrangler, 'd1', 'execute', 'DB', '--local', '--persist-to', stateDir, '--command', sql], { cwd: ROOT, env: toolEnv(), encoding: 'utf8' })
  assert(result.status === 0, `preparing the organisation failed: ${result.stderr}`)
}

/** The owner signs in once with an e-mail link (through the API), which also proves the address; returns the cookie. */
async function signInByLink(baseUrl) {
  const request = await fetch(`${baseUrl}/api/v1/auth/sign-in-link`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: EMAIL }) })
  assert(request.status === 202, `sign-in-link answered ${request.status}`)
  const link = (await latestMail(baseUrl, EMAIL)).links.find((l) => l.includes('/auth/verify?token='))
  const verify = await fetch(`${baseUrl}/api/v1/auth/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: new URL(link).searchParams.get('token') }),
  })
  assert(verify.status === 200, `verify answered ${verify.status}`)
  return verify.headers.get('set-cookie').split(';')[0]
}

export default async function ({ baseUrl, browser, screenshotDir }) {
  const provider = await startProvider(`${baseUrl}/api/v1/auth/oidc/callback`)
  const { context, page } = await openPage(browser)
  try {
    const cookie = await signInByLink(baseUrl)
    const patch = await fetch(`${baseUrl}/api/v1/orgs/${ORG.slug}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: baseUrl },
      body: JSON.stringify({ oidc: { issuer: provider.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, allowedDomains: [DOMAIN] } }),
    })
    assert(patch.status === 200, `PATCH oidc answered ${patch.status}`)

    // The sign-in page's single sign-on form sends the browser to the provider.
    await page.goto(`${baseUrl}/sign-in`)
    await page.fill('#sso-slug', ORG.slug)
    await page.getByRole('button', { name: 'Fortsätt till inloggningen' }).click()
    await page.waitForURL((url) => url.href.startsWith(provider.issuer))
    await page.fill('input[name="login"]', EMAIL)
    await page.fill('input[name="password"]', 'any')
    await page.locator('button[type="submit"]').click()

    // Back through the callback, into the organisation.
    await page.waitForURL(new RegExp(`/o/${ORG.slug}$`))
    await page.getByRole('heading', { level: 1, name: ORG.name }).waitFor()
    await screenshot(page, screenshotDir, 'sso-signed-in')
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json())
    assert(me.user.email === EMAIL, `signed in as ${me.user.email}`)
    assert(me.scope?.orgId === ORG.id, 'the session is scoped to the organisation')

    // The start page lists the one organisation and says why the others are not there.
    await page.goto(`${baseUrl}/`)
    const notice = page.getByTestId('sso-scope')
    await notice.waitFor()
    const text = await notice.textContent()
    assert(text.includes(ORG.name) && text.includes('andra organisationer kräver en egen inloggning'), `the scope notice says: ${text}`)
    await checkA11y(page, 'the start page after single sign-on')
    await screenshot(page, screenshotDir, 'sso-home')
  } finally {
    await context.close()
    await provider.close()
  }
}
