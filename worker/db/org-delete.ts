import type { Db } from './client'

/**
 * Every table that holds rows owned by an organisation, by its org_id column. Deleting an
 * organisation walks this list, so a new org-owned table must be added here (a test checks that
 * every table with an org_id column is listed).
 */
export const ORG_OWNED_TABLES = [
  'memberships', 'units', 'api_keys', 'audit_log', 'outbox', 'oidc_flows',
  'assessments', 'respondents', 'responses', 'assessment_snapshots', 'closed_round_results', 'assessment_results', 'initiatives', 'benchmark_entries',
  'webhooks', 'webhook_deliveries', 'org_domains', 'member_invitations', 'user_identities', 'sessions',
] as const

/** Users with neither a membership nor a pending invitation (someone who opened an invitation's link keeps their user). */
const UNATTACHED_USERS = `SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM memberships)
  AND email NOT IN (SELECT email FROM member_invitations WHERE accepted_at IS NULL AND declined_at IS NULL)`

/**
 * Removes the organisation and every row it owns in one atomic batch. The statements go to the D1
 * binding directly: drizzle's batch() cannot take raw `db.run(sql)` items with parameters.
 */
export async function deleteOrganisationCascade(db: Db, orgId: string, extraTables: readonly string[] = []): Promise<void> {
  const d1 = db.$client as D1Database
  const tables = [...extraTables, ...ORG_OWNED_TABLES]
  await d1.batch([
    ...tables.map((t) => d1.prepare(`DELETE FROM "${t.replaceAll('"', '""')}" WHERE org_id = ?`).bind(orgId)),
    d1.prepare('DELETE FROM organisations WHERE id = ?').bind(orgId),
    // Users left without any membership have nothing to sign in to: remove them and their sessions.
    d1.prepare(`DELETE FROM sessions WHERE user_id IN (${UNATTACHED_USERS})`),
    d1.prepare(`DELETE FROM sign_in_tokens WHERE user_id IN (${UNATTACHED_USERS})`),
    d1.prepare(`DELETE FROM users WHERE id IN (${UNATTACHED_USERS})`),
  ])
}
