/** Seeds organisations with single sign-on settings and their members straight into D1. */
import { env } from 'cloudflare:workers'
import { encryptSecret, newId } from '../../worker/lib/crypto'
import { createDb } from '../../worker/db/client'
import { insertDomain, markDomainVerified } from '../../worker/db/org-domains'
import type { MemberRole, OidcTokenAuthMethod } from '../../schema/enums'

export interface SeedOidcMember {
  email: string
  role?: MemberRole
  /** Whether the person has used an e-mail sign-in link (default true): only then may SSO link them. */
  proven?: boolean
}

export interface SeedOidcOrg {
  issuer: string | null
  client?: { clientId: string; clientSecret: string }
  tokenAuthMethod?: OidcTokenAuthMethod
  /** Allowed domains; default the domains of the members' addresses (a fresh one without members). */
  domains?: string[]
  /** Which allowed domains the organisation has proven (default all of them). */
  proven?: string[]
  status?: 'pending' | 'active'
  members?: SeedOidcMember[]
}

let counter = 0

/** Claims `domain` for the organisation and marks it proven, as the DNS check would. */
export async function proveDomain(orgId: string, domain: string): Promise<void> {
  const db = createDb(env.DB)
  const claim = await insertDomain(db, { id: newId('dom'), orgId, domain, token: `mognad-verify=${crypto.randomUUID()}`, createdAt: new Date().toISOString() })
  await markDomainVerified(db, orgId, claim.id, new Date().toISOString())
}

/** A fresh organisation (unique slug and org number) with its members; returns its id, slug and member user ids. */
export async function seedOidcOrg(input: SeedOidcOrg): Promise<{ id: string; slug: string; userIds: string[] }> {
  counter++
  const id = newId('org')
  const slug = `sso-${counter}-${id.slice(4, 10)}`
  const now = new Date().toISOString()
  const secret = input.client ? await encryptSecret(env.DATA_KEY, input.client.clientSecret) : null
  const members = input.members ?? []
  const domains = input.domains ?? (members.length ? [...new Set(members.map((m) => m.email.split('@')[1].toLowerCase()))] : [freshDomain()])
  const statements = [
    env.DB.prepare(
      `INSERT INTO organisations (id, slug, name, org_number, kind, status, created_at, oidc_issuer, oidc_client_id, oidc_client_secret_enc, oidc_allowed_domains, oidc_token_auth_method)
       VALUES (?, ?, ?, ?, 'municipality', ?, ?, ?, ?, ?, ?, ?)`,
    ).bind(id, slug, `SSO kommun ${counter}`, `sso-${id}`, input.status ?? 'active', now, input.issuer, input.client?.clientId ?? null, secret, JSON.stringify(domains), input.tokenAuthMethod ?? null),
  ]
  const userIds: string[] = []
  for (const m of members) {
    const email = m.email.toLowerCase()
    const existing = await env.DB.prepare('SELECT id FROM users WHERE email = ?').bind(email).first<{ id: string }>()
    const userId = existing?.id ?? newId('usr')
    userIds.push(userId)
    if (!existing)
      statements.push(
        env.DB.prepare('INSERT INTO users (id, email, name, created_at, email_proven_at) VALUES (?, ?, ?, ?, ?)').bind(userId, email, email.split('@')[0], now, m.proven === false ? null : now),
      )
    statements.push(env.DB.prepare('INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)').bind(id, userId, m.role ?? 'analyst', now))
  }
  await env.DB.batch(statements)
  for (const domain of input.proven ?? domains) await proveDomain(id, domain)
  return { id, slug, userIds }
}

/** A domain no other test uses: a domain can be proven by one organisation only. */
export function freshDomain(): string {
  return `k${crypto.randomUUID().slice(0, 8)}.test`
}

/** A made-up address that no other test uses; the prefix steers the test provider's claims. */
export function freshEmail(prefix: string, domain = freshDomain()): string {
  return `${prefix}${crypto.randomUUID().slice(0, 8)}@${domain}`
}
