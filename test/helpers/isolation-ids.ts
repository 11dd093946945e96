import { call, json } from './http'
import type { SeededOrg } from './seed-org'

/**
 * Ids of rows of organisation A for path parameters beyond the foundation's (assessments,
 * respondents, initiatives, webhooks). Features add their seeders here so the isolation test
 * addresses real rows.
 */
export async function extraIds(org: SeededOrg): Promise<Record<string, string>> {
  // Initiatives use `{id}` as api.md names it (assessments share that name: reconcile when both exist).
  const initiative = await json(
    await call(`/api/v1/orgs/${org.slug}/initiatives`, {
      cookie: org.cookie,
      body: { title: 'Isolerat initiativ', kind: 'efficiency', target: 'capability', factors: [{ factorId: 'E1', strength: 2 }], politicalUrgency: 3, technicalUrgency: 3, societalBenefit: 3, administrationBenefit: 3, risk: 2 },
    }),
  )
  return { id: initiative.id }
}
