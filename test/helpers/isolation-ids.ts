import { call, json } from './http'
import type { SeededOrg } from './seed-org'

/**
 * Ids of rows of organisation A for path parameters beyond the foundation's (assessments,
 * respondents, initiatives, webhooks). Features add their seeders here so the isolation test
 * addresses real rows.
 */
export async function extraIds(org: SeededOrg): Promise<Record<string, string>> {
  const initiative = await json(
    await call(`/api/v1/orgs/${org.slug}/initiatives`, {
      cookie: org.cookie,
      body: { title: 'Isolerat initiativ', kind: 'efficiency', target: 'capability', factors: [{ factorId: 'E1', strength: 2 }], politicalUrgency: 3, technicalUrgency: 3, societalBenefit: 3, administrationBenefit: 3, risk: 2 },
    }),
  )
  const assessment = await json(await call(`/api/v1/orgs/${org.slug}/assessments`, { cookie: org.cookie, body: { name: 'Isolerad runda', form: 'short' } }))
  const added = await call(`/api/v1/orgs/${org.slug}/assessments/${assessment.id}/respondents`, { cookie: org.cookie, body: { respondents: [{ email: `isolerad@${org.domain}`, role: 'staff' }] } })
  if (added.status !== 201) throw new Error(`respondent seed failed: ${added.status}`)
  const respondents = await json(await call(`/api/v1/orgs/${org.slug}/assessments/${assessment.id}/respondents`, { cookie: org.cookie }))
  // `{id}` is named per resource: the path segment before it says which row it addresses.
  return { 'initiatives/id': initiative.id, 'assessments/id': assessment.id, rid: respondents.items[0].id }
}
