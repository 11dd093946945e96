import type { OrgDomain } from '../../schema/api/domains'
import { api } from '../lib/api'
import { orgPath } from './organisations'

export type { OrgDomain }

const domainsPath = (slug: string) => `${orgPath(slug)}/domains`

export async function listDomains(slug: string) {
  return (await api<{ items: OrgDomain[] }>('GET', domainsPath(slug))).items
}

export function claimDomain(slug: string, domain: string) {
  return api<OrgDomain>('POST', domainsPath(slug), { domain })
}

/** Asks the server to look the TXT record up in DNS now. */
export function verifyDomain(slug: string, id: string) {
  return api<OrgDomain>('POST', `${domainsPath(slug)}/${encodeURIComponent(id)}/verify`)
}

export function deleteDomain(slug: string, id: string) {
  return api<void>('DELETE', `${domainsPath(slug)}/${encodeURIComponent(id)}`)
}
