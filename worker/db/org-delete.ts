import { sql } from 'drizzle-orm'
import type { Db } from './client'

/**
 * Every table that holds rows owned by an organisation, by its org_id column. Deleting an
 * organisation walks this list, so a new org-owned table must be added here (a test checks that
 * every table with an org_id column is listed).
 */
export const ORG_OWNED_TABLES = [
  'memberships', 'units', 'api_keys', 'audit_log', 'outbox', 'oidc_flows',
  'assessments', 'respondents', 'responses', 'assessment_snapshots', 'assessment_results',
] as const

/** Removes the organisation and every row it owns in one atomic batch. */
export async function deleteOrganisationCascade(db: Db, orgId: string, extraTables: readonly string[] = []): Promise<void> {
  const tables = [...extraTables, ...ORG_OWNED_TABLES]
  await db.batch([
    ...tables.map((t) => db.run(sql`DELETE FROM ${sql.identifier(t)} WHERE org_id = ${orgId}`)),
    db.run(sql`DELETE FROM organisations WHERE id = ${orgId}`),
    // Users left without any membership have nothing to sign in to: remove them and their sessions.
    db.run(sql`DELETE FROM sessions WHERE user_id NOT IN (SELECT user_id FROM memberships)`),
    db.run(sql`DELETE FROM sign_in_tokens WHERE user_id NOT IN (SELECT user_id FROM memberships)`),
    db.run(sql`DELETE FROM users WHERE id NOT IN (SELECT user_id FROM memberships)`),
  ] as unknown as Parameters<typeof db.batch>[0])
}
