import * as z from 'zod/mini'
import { msg } from './common'
import { PUBLIC_SUFFIXES } from './public-suffixes'

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
/** A top-level label: letters, or an internationalised one in punycode. */
const TLD = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/

/** Why `domain` (already lower-cased) cannot be claimed, or null when it can. */
export function domainProblem(domain: string): string | null {
  if (domain.includes('*')) return msg('Jokertecken (*) går inte att verifiera.', 'Wildcards (*) cannot be verified.')
  if (domain.length > 253) return msg('Domänen är längre än 253 tecken.', 'The domain is longer than 253 characters.')
  const labels = domain.split('.')
  if (labels.length < 2) return msg('Ange hela domänen, t.ex. kommun.se.', 'Give the whole domain, e.g. kommun.se.')
  if (!labels.every((l) => LABEL.test(l)) || !TLD.test(labels.at(-1)!))
    return msg('Ogiltig domän: bara a–z, 0–9 och - (internationella domäner skrivs xn--…).', 'Invalid domain: only a–z, 0–9 and - (write internationalised domains as xn--…).')
  if (PUBLIC_SUFFIXES.has(domain)) return msg('Det är en publik toppdomän som ingen organisation äger.', 'That is a public suffix that no organisation owns.')
  return null
}

/** A domain as claimed: trimmed, lower-cased, without a trailing dot. */
export const DomainName = z.pipe(
  z.pipe(z.string().check(z.maxLength(260)), z.transform((s) => s.trim().toLowerCase().replace(/\.$/, ''))),
  z.string().check(z.superRefine((d, ctx) => {
    const problem = domainProblem(d)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: d })
  })),
)

export const ClaimDomain = z.strictObject({ domain: DomainName })
export type ClaimDomain = z.infer<typeof ClaimDomain>

/** The DNS record that proves a claim: publish it, then ask for verification. */
export const DnsRecord = z.object({ type: z.literal('TXT'), name: z.string(), value: z.string() })

export const OrgDomain = z.object({
  id: z.string(),
  domain: z.string(),
  verified: z.boolean(),
  verifiedAt: z.nullable(z.string()),
  record: DnsRecord,
  createdAt: z.string(),
})
export type OrgDomain = z.infer<typeof OrgDomain>

export const DomainParams = z.object({ org: z.string(), id: z.string().check(z.maxLength(100)) })
