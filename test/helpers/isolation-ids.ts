import type { SeededOrg } from './seed-org'

/**
 * Ids of rows of organisation A for path parameters beyond the foundation's (assessments,
 * respondents, initiatives, webhooks). Features add their seeders here so the isolation test
 * addresses real rows.
 */
export async function extraIds(_org: SeededOrg): Promise<Record<string, string>> {
  return {}
}
