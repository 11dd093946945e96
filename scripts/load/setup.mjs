// Sets up what the load run measures, through the public API only: an organisation, its owner's
// session, a write key, and an open short-form round whose respondents' tokens come from the
// development outbox (what the invitation mails would carry).
import { runPool } from './measure.mjs'

/** A Swedish organisation number with a valid Luhn check digit. */
function orgNumber() {
  const digits = [2, ...Array.from({ length: 8 }, () => Math.floor(Math.random() * 10))]
  const sum = digits.reduce((acc, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d
    return acc + (v > 9 ? v - 9 : v)
  }, 0)
  const s = `${digits.join('')}${(10 - (sum % 10)) % 10}`
  return `${s.slice(0, 6)}-${s.slice(6)}`
}

async function api(baseUrl, path, { method, body, cookie, key } = {}) {
  const headers = { Origin: baseUrl }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (cookie) headers.Cookie = cookie
  if (key) headers.Authorization = `Bearer ${key}`
  const res = await fetch(`${baseUrl}${path}`, { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}

function expectStatus(res, status, what) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** The newest message's links to an address, polling while the mail queue delivers. */
async function linksTo(baseUrl, email, pattern, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const res = await api(baseUrl, `/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)
    const link = res.body?.items?.flatMap((m) => m.links).find((l) => pattern.test(l))
    if (link) return link
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no message with ${pattern} for ${email} within ${timeoutMs / 1000} s`)
}

export async function setUp(baseUrl, respondentCount) {
  const tag = Date.now().toString(36)
  const ownerEmail = `owner-${tag}@load.example.se`
  const signup = await api(baseUrl, '/api/v1/signup', {
    body: { organisation: { name: `Lastkommun ${tag}`, orgNumber: orgNumber(), kind: 'municipality', county: '01', population: 40000 }, owner: { name: 'Lasttest', email: ownerEmail } },
  })
  const { organisation } = expectStatus(signup, 201, 'sign-up')
  const verifyLink = await linksTo(baseUrl, ownerEmail, /\/auth\/verify\?token=/)
  const verified = await api(baseUrl, '/api/v1/auth/verify', { body: { token: new URL(verifyLink).searchParams.get('token') } })
  expectStatus(verified, 200, 'sign-in')
  const cookie = verified.headers.get('set-cookie').split(';')[0]
  const { secret: key } = expectStatus(await api(baseUrl, `/api/v1/orgs/${organisation.slug}/api-keys`, { cookie, body: { name: 'load', scope: 'write' } }), 201, 'API key')

  // Respondents need a proven domain: a reserved name is proven without DNS on this loopback dev server.
  const domain = `${organisation.slug}.test`
  const claim = expectStatus(await api(baseUrl, `/api/v1/orgs/${organisation.slug}/domains`, { cookie, body: { domain } }), 201, 'domain claim')
  expectStatus(await api(baseUrl, `/api/v1/orgs/${organisation.slug}/domains/${claim.id}/verify`, { cookie, method: 'POST' }), 200, 'domain proof')

  const round = expectStatus(await api(baseUrl, `/api/v1/orgs/${organisation.slug}/assessments`, { key, body: { name: `Last ${tag}`, form: 'short' } }), 201, 'round')
  const emails = Array.from({ length: respondentCount }, (_, i) => `r${i}-${tag}@${domain}`)
  const rows = emails.map((email, i) => ({ email, name: `Respondent ${i}`, role: i % 3 ? 'staff' : 'it' }))
  const imported = expectStatus(await api(baseUrl, `/api/v1/orgs/${organisation.slug}/assessments/${round.id}/respondents`, { key, body: { respondents: rows } }), 201, 'import')
  if (imported.added !== respondentCount) throw new Error(`import added ${imported.added} of ${respondentCount}`)
  expectStatus(await api(baseUrl, `/api/v1/orgs/${organisation.slug}/assessments/${round.id}/open`, { key, method: 'POST' }), 200, 'open')

  const { results: links } = await runPool(emails, 20, (email) => linksTo(baseUrl, email, /\/r\//))
  const tokens = links.map((link) => link.split('/r/')[1])
  const survey = expectStatus(await api(baseUrl, `/api/v1/respond/${tokens[0]}`), 200, 'survey')
  return { org: organisation, round, tokens, itemIds: survey.items.map((i) => i.id) }
}
