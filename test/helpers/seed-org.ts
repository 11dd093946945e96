import { expect } from 'vitest'
import { call, json } from './http'
import { randomOrgNumber } from './org-number'
import { proveDomain } from './verified-domain'

let counter = 0
export const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`

/** The newest credential link sent to an address, from the dev outbox. */
export async function latestLink(email: string, pattern = /\/auth\/verify\?token=/): Promise<string> {
  const res = await call(`/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)
  expect(res.status).toBe(200)
  const body = await json<{ items: { links: string[] }[] }>(res)
  const link = body.items.flatMap((m) => m.links).find((l) => pattern.test(l))
  if (!link) throw new Error(`no link for ${email}`)
  return link
}

/** The sign-in links delivered to an address so far, newest first. */
async function verifyLinks(email: string): Promise<string[]> {
  const body = await json<{ items: { links: string[] }[] }>(await call(`/api/v1/dev/outbox?to=${encodeURIComponent(email)}`))
  return body.items.flatMap((m) => m.links).filter((l) => /\/auth\/verify\?token=/.test(l))
}

/**
 * Requests a sign-in link (POST /auth/sign-in-link answers 202 and queues it) and waits until the
 * queue consumer has delivered it; returns the response and the new link.
 */
export async function requestLink(email: string, init: { cookie?: string; ip?: string } = {}): Promise<{ res: Response; link: string }> {
  const before = (await verifyLinks(email)).length
  const res = await call('/api/v1/auth/sign-in-link', { body: { email }, ...init })
  expect(res.status).toBe(202)
  const until = Date.now() + 10_000
  for (;;) {
    const links = await verifyLinks(email)
    if (links.length > before) return { res, link: links[0] }
    if (Date.now() > until) throw new Error(`no new sign-in link for ${email}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Signs in through the link flow and returns the session cookie ("name=value"). */
export async function signIn(email: string): Promise<string> {
  const link = await latestLink(email)
  const token = new URL(link).searchParams.get('token')!
  const res = await call('/api/v1/auth/verify', { body: { token } })
  expect(res.status).toBe(200)
  const setCookie = res.headers.get('Set-Cookie')!
  return setCookie.split(';')[0]
}

export interface SeededOrg {
  id: string
  slug: string
  ownerEmail: string
  cookie: string
  /** Its proven e-mail domain: respondents' addresses must be in it. */
  domain: string
}

/** Signs up a new organisation and signs its owner in: every test seeds its own. */
export async function seedOrg(opts: { name?: string; shareBenchmark?: boolean; ownerEmail?: string } = {}): Promise<SeededOrg> {
  const id = uniq()
  const ownerEmail = opts.ownerEmail ?? `owner-${id}@example.se`
  const res = await call('/api/v1/signup', {
    body: {
      organisation: { name: opts.name ?? `Testkommun ${id}`, orgNumber: randomOrgNumber(), kind: 'municipality', county: '01', population: 40000, shareBenchmark: opts.shareBenchmark },
      owner: { name: 'Ägaren', email: ownerEmail },
    },
  })
  expect(res.status).toBe(201)
  const { organisation } = await json(res)
  const cookie = await signIn(ownerEmail)
  const domain = `${organisation.slug}.test`
  await proveDomain(organisation.id, domain)
  return { id: organisation.id, slug: organisation.slug, ownerEmail, cookie, domain }
}

/** Opens a membership invitation's link (it signs in, once) and returns the session cookie and the answer. */
export async function openInvitation(email: string): Promise<{ cookie: string; body: any }> {
  const token = new URL(await latestLink(email, /\/invitations\?token=/)).searchParams.get('token')!
  const res = await call('/api/v1/auth/invitations/open', { body: { token } })
  expect(res.status).toBe(200)
  return { cookie: res.headers.get('Set-Cookie')!.split(';')[0], body: await json(res) }
}

/** Invites a member with a role, lets them accept through their own link and returns their session cookie. */
export async function addMemberAndSignIn(org: SeededOrg, role: 'owner' | 'admin' | 'analyst'): Promise<{ userId: string; email: string; cookie: string }> {
  const email = `${role}-${uniq()}@example.se`
  const res = await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email, name: `En ${role}`, role } })
  expect(res.status).toBe(201)
  const invitation = await json(res)
  const { cookie } = await openInvitation(email)
  const accepted = await call(`/api/v1/auth/invitations/${invitation.invitationId}/accept`, { method: 'POST', cookie })
  expect(accepted.status).toBe(200)
  return { userId: (await json(accepted)).user.id, email, cookie }
}

/** Creates an API key of a scope and returns its secret. */
export async function createKey(org: SeededOrg, scope: 'read' | 'write'): Promise<string> {
  const res = await call(`/api/v1/orgs/${org.slug}/api-keys`, { cookie: org.cookie, body: { name: `key ${scope}`, scope } })
  expect(res.status).toBe(201)
  return (await json(res)).secret
}
