/** Seeds organisations with single sign-on settings and their members straight into D1. */
import { env } from 'cloudflare:workers'
import { encryptSecret, newId } from '../../worker/services/crypto'
import type { MemberRole } from '../../schema/enums'

export interface SeedOidcOrg {
  issuer: string | null
  client?: { clientId: string; clientSecret: string }
  domains?: string[]
  status?: 'pending' | 'active'
  members?: { email: string; role?: MemberRole }[]
}

let counter = 0

/** A fresh organisation (unique slug and org number) with its members; returns its id and slug. */
export async function seedOidcOrg(input: SeedOidcOrg): Promise<{ id: string; slug: string }> {
  counter++
  const id = newId('org')
  const slug = `sso-${counter}-${id.slice(4, 10)}`
  const now = new Date().toISOString()
  const secret = input.client ? await encryptSecret(env.DATA_KEY, input.client.clientSecret) : null
  const statements = [
    env.DB.prepare(
      `INSERT INTO organisations (id, slug, name, org_number, kind, status, created_at, oidc_issuer, oidc_client_id, oidc_client_secret_enc, oidc_allowed_domains)
       VALUES (?, ?, ?, ?, 'municipality', ?, ?, ?, ?, ?, ?)`,
    ).bind(id, slug, `SSO kommun ${counter}`, `sso-${id}`, input.status ?? 'active', now, input.issuer, input.client?.clientId ?? null, secret, JSON.stringify(input.domains ?? [])),
  ]
  for (const m of input.members ?? []) {
    const userId = newId('usr')
    statements.push(env.DB.prepare('INSERT INTO users (id, email, name, created_at) VALUES (?, ?, ?, ?)').bind(userId, m.email, m.email.split('@')[0], now))
    statements.push(env.DB.prepare('INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, ?, ?)').bind(id, userId, m.role ?? 'analyst', now))
  }
  await env.DB.batch(statements)
  return { id, slug }
}

/** A made-up address that no other test uses; the prefix steers the test provider's claims. */
export function freshEmail(prefix: string, domain = 'kommun.test'): string {
  return `${prefix}${crypto.randomUUID().slice(0, 8)}@${domain}`
}
