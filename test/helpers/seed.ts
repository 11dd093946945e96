import { env } from 'cloudflare:workers'
import { newId, randomToken, sha256 } from '../../worker/lib/crypto'
import { respondentToken } from '../../worker/services/mail/links'
import type { Bindings } from '../../worker/env'
import { call, json } from './http'
import { proveDomain } from './verified-domain'

/** An organisation with a proven domain, an owner session, an analyst session and a read and a write key. */
export interface SeededOrg {
  id: string
  slug: string
  name: string
  /** Its proven e-mail domain: respondents' addresses must be in it. */
  domain: string
  owner: string
  analyst: string
  writeKey: string
  readKey: string
}

let counter = 0

async function run(sql: string, ...params: unknown[]) {
  return env.DB.prepare(sql).bind(...params).run()
}

/** A member of the organisation with a session; returns the session cookie. */
export async function seedUser(orgId: string, role: 'owner' | 'admin' | 'analyst', now = new Date().toISOString(), email?: string): Promise<string> {
  const userId = newId('usr')
  const cookie = randomToken()
  await run('INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)', userId, email ?? `${userId}@example.se`, `User ${role}`, now)
  await run('INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)', orgId, userId, role, now)
  const expires = new Date(Date.now() + 7 * 24 * 3600_000).toISOString()
  await run('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)', await sha256(cookie), userId, now, now, expires)
  return `mognad_session=${cookie}`
}

async function seedKey(orgId: string, scope: 'read' | 'write', now: string): Promise<string> {
  const secret = `mgd_test_${randomToken()}`
  await run('INSERT INTO api_keys (id, org_id, name, scope, prefix, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', newId('key'), orgId, `${scope} key`, scope, 'mgd_test', await sha256(secret), now)
  return secret
}

/** Seeds an active organisation straight into D1 (each test seeds its own: storage is per file). */
export async function seedOrg(opts: { k?: number; name?: string } = {}): Promise<SeededOrg> {
  const now = new Date().toISOString()
  const id = newId('org')
  const slug = `org-${id.slice(4, 14)}`
  const name = opts.name ?? `Testkommun ${++counter}`
  const orgNumber = `${String(100000 + Math.floor(Math.random() * 899999))}-${String(1000 + Math.floor(Math.random() * 8999))}`
  await run(
    "INSERT INTO organisations (id, slug, name, org_number, kind, status, anonymity_threshold, created_at, activated_at) VALUES (?, ?, ?, ?, 'municipality', 'active', ?, ?, ?)",
    id, slug, name, orgNumber, opts.k ?? 5, now, now,
  )
  const domain = `${slug}.test`
  await proveDomain(id, domain)
  return {
    id,
    slug,
    name,
    domain,
    owner: await seedUser(id, 'owner', now),
    analyst: await seedUser(id, 'analyst', now),
    writeKey: await seedKey(id, 'write', now),
    readKey: await seedKey(id, 'read', now),
  }
}

export async function seedUnit(orgId: string, name: string): Promise<string> {
  const id = newId('unt')
  await run('INSERT INTO units (id, org_id, name, parent_id, created_at) VALUES (?, ?, ?, NULL, ?)', id, orgId, name, new Date().toISOString())
  return id
}

/** The respondent's token, derived exactly as the mail renders it (tests know TOKEN_SECRET). */
export function tokenOf(respondentId: string): Promise<string> {
  return respondentToken(env as unknown as Bindings, respondentId)
}

/** Creates a round through the API with the org's write key. */
export async function createRound(org: SeededOrg, body: Record<string, unknown> = {}) {
  const res = await call(`/api/v1/orgs/${org.slug}/assessments`, { key: org.writeKey, body: { name: 'Mätning 2026', form: 'short', ...body } })
  if (res.status !== 201) throw new Error(`createRound ${res.status} ${await res.text()}`)
  return json(res)
}

/** Adds respondents (JSON) and returns the round's respondents by e-mail. */
export async function addRespondents(org: SeededOrg, roundId: string, rows: Record<string, unknown>[]) {
  const res = await call(`/api/v1/orgs/${org.slug}/assessments/${roundId}/respondents`, { key: org.writeKey, body: { respondents: rows } })
  if (res.status !== 201) throw new Error(`addRespondents ${res.status} ${await res.text()}`)
  return json(res)
}

export async function listAllRespondents(org: SeededOrg, roundId: string) {
  const res = await call(`/api/v1/orgs/${org.slug}/assessments/${roundId}/respondents?limit=200`, { key: org.readKey })
  return (await json(res)).items as { id: string; email: string; name: string | null; role: string; unitId: string | null; status: string }[]
}

/** A round opened with `n` respondents; returns it with their ids and tokens. */
export async function openRoundWith(org: SeededOrg, rows: Record<string, unknown>[], body: Record<string, unknown> = {}) {
  const round = await createRound(org, body)
  await addRespondents(org, round.id, rows)
  const opened = await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/open`, { key: org.writeKey, method: 'POST' })
  if (opened.status !== 200) throw new Error(`open ${opened.status} ${await opened.text()}`)
  const people = await listAllRespondents(org, round.id)
  const tokens = new Map<string, string>()
  for (const p of people) tokens.set(p.email, await tokenOf(p.id))
  return { round, people, tokens }
}

/** Polls until `check` returns a value (the real queue consumer runs asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The dev mailbox of an address (what the dev sender delivered). */
export async function mailTo(email: string) {
  const res = await call(`/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)
  return (await json(res)).items as { to: string; subject: string; text: string; links: string[]; createdAt: string }[]
}

/** `n` respondent rows with distinct addresses under a tag, in the organisation's proven domain. */
export function people(org: { domain: string }, tag: string, n: number, extra: Record<string, unknown> = {}) {
  return Array.from({ length: n }, (_, i) => ({ email: `${tag}.${i}@${org.domain}`, name: `Person ${i}`, role: 'staff', ...extra }))
}
