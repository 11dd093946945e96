import type { Bindings } from '../../env'
import { ApiError } from '../../errors'
import { challengeName, proofOutcome, txtValues, type DohAnswer, type ProofOutcome } from '../../domain/domain-proof'

export const DEFAULT_DOH_URL = 'https://cloudflare-dns.com/dns-query'

const lookupFailed = () =>
  new ApiError('PRECONDITION_FAILED', { sv: 'DNS-uppslagningen misslyckades. Försök igen om en stund.', en: 'The DNS lookup failed. Try again in a moment.' }, { reason: 'dns_lookup_failed' })

/**
 * Looks up the claim's TXT record through DNS over HTTPS (JSON API; `DOH_URL`, Cloudflare's
 * resolver by default, which validates DNSSEC where the zone signs it). A failed lookup is a
 * problem of its own: the claim stays pending and can be retried.
 */
export async function checkDnsProof(env: Bindings, domain: string, token: string): Promise<ProofOutcome> {
  const url = new URL(env.DOH_URL || DEFAULT_DOH_URL)
  url.searchParams.set('name', challengeName(domain))
  url.searchParams.set('type', 'TXT')
  let answer: DohAnswer
  try {
    const res = await fetch(url, { headers: { accept: 'application/dns-json' }, signal: AbortSignal.timeout(5000) })
    if (!res.ok) throw new Error(`DoH ${res.status}`)
    answer = (await res.json()) as DohAnswer
  } catch {
    throw lookupFailed()
  }
  // NXDOMAIN (3) means no such name, hence no record; any other non-zero status is a failed lookup.
  if (answer.Status !== undefined && answer.Status !== 0 && answer.Status !== 3) throw lookupFailed()
  return proofOutcome(txtValues(answer), token)
}
