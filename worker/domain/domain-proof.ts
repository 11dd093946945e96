/** The DNS name whose TXT record proves a domain claim (a label of its own, as ACME does). */
export function challengeName(domain: string): string {
  return `_mognad-challenge.${domain}`
}

/** The TXT value that proves a claim: fixed prefix, then the claim's token. */
export function challengeValue(token: string): string {
  return `mognad-verify=${token}`
}

/** Answer of a DNS-over-HTTPS JSON API (RFC 8484's JSON companion, as Cloudflare and Google serve it). */
export interface DohAnswer {
  Status?: number
  Answer?: { type?: number; data?: string }[]
}

const TXT = 16

/**
 * The TXT strings of an answer: a record's data is one or more quoted character-strings
 * (`"a" "b"`), which DNS means to be joined; unquoted data is taken as it is.
 */
export function txtValues(answer: DohAnswer): string[] {
  return (answer.Answer ?? [])
    .filter((a) => a.type === TXT && typeof a.data === 'string')
    .map((a) => {
      const parts = [...a.data!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'))
      return parts.length ? parts.join('') : a.data!
    })
}

export type ProofOutcome = 'verified' | 'missing' | 'mismatch'

/** Whether the published values prove the claim: `mismatch` when a mognad-verify record exists with another token. */
export function proofOutcome(values: readonly string[], token: string): ProofOutcome {
  const ours = values.map((v) => v.trim()).filter((v) => v.startsWith('mognad-verify='))
  if (ours.includes(challengeValue(token))) return 'verified'
  return ours.length ? 'mismatch' : 'missing'
}

/** Top-level names reserved never to resolve publicly (RFC 2606, RFC 6761). */
const RESERVED_TLDS = ['test', 'example', 'invalid', 'localhost']

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * True when a claim may be taken as proven without DNS: only a development or test deployment
 * served from this machine, and only for reserved names that no one can own on the internet,
 * so the shortcut can never vouch for a real domain, even if a deployment is misconfigured.
 */
export function provenWithoutDns(appEnv: string, appOrigin: string, domain: string): boolean {
  if (appEnv !== 'development' && appEnv !== 'test') return false
  let host: string
  try {
    host = new URL(appOrigin).hostname
  } catch {
    return false
  }
  if (!LOOPBACK_HOSTS.has(host) && !host.endsWith('.localhost')) return false
  return RESERVED_TLDS.includes(domain.split('.').at(-1)!)
}
