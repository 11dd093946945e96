/**
 * Why the server must not call a URL in production because its host is not a public address:
 * the Worker would otherwise fetch, on a tenant's behalf, the machine itself, a private network
 * or a cloud metadata service (server-side request forgery).
 */
export type InternalHost = 'loopback' | 'private' | 'link_local' | 'shared' | 'metadata' | 'local_name' | 'reserved'

/** Names of metadata services that answer inside clouds (checked before the suffix rules). */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data'])
/** Suffixes that name hosts of a local or internal network, never a public one. */
const LOCAL_SUFFIXES = ['.internal', '.local', '.localdomain', '.home.arpa', '.lan', '.intranet', '.corp']

type Range = [base: number, prefix: number, reason: InternalHost]
/** IPv4 ranges that are not public unicast (IANA special-purpose registry), most specific first. */
const V4_RANGES: Range[] = [
  [ipv4(169, 254, 169, 254), 32, 'metadata'],
  [ipv4(0, 0, 0, 0), 8, 'reserved'],
  [ipv4(10, 0, 0, 0), 8, 'private'],
  [ipv4(100, 64, 0, 0), 10, 'shared'],
  [ipv4(127, 0, 0, 0), 8, 'loopback'],
  [ipv4(169, 254, 0, 0), 16, 'link_local'],
  [ipv4(172, 16, 0, 0), 12, 'private'],
  [ipv4(192, 0, 0, 0), 24, 'reserved'],
  [ipv4(192, 0, 2, 0), 24, 'reserved'],
  [ipv4(192, 168, 0, 0), 16, 'private'],
  [ipv4(198, 18, 0, 0), 15, 'reserved'],
  [ipv4(198, 51, 100, 0), 24, 'reserved'],
  [ipv4(203, 0, 113, 0), 24, 'reserved'],
  [ipv4(224, 0, 0, 0), 4, 'reserved'],
  [ipv4(240, 0, 0, 0), 4, 'reserved'],
]

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0
}

function v4Reason(address: number): InternalHost | null {
  for (const [base, prefix, reason] of V4_RANGES) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
    if (((address & mask) >>> 0) === base) return reason
  }
  return null
}

function parseV4(text: string): number | null {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null
  const [a, b, c, d] = parts.map(Number)
  return ipv4(a, b, c, d)
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail allowed), or null. */
function parseV6(text: string): number[] | null {
  let tail: number[] = []
  let body = text
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4) {
    const address = parseV4(v4[2])
    if (address === null) return null
    tail = [address >>> 16, address & 0xffff]
    body = v4[1].endsWith('::') ? v4[1] : v4[1].slice(0, -1)
  }
  const halves = body.split('::')
  if (halves.length > 2) return null
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const head = groups(halves[0])
  const rest = halves.length === 2 ? groups(halves[1]) : []
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null
  const missing = 8 - tail.length - head.length - rest.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  return [...head, ...Array(missing).fill('0'), ...rest].map((g) => parseInt(g, 16)).concat(tail)
}

function v6Reason(g: number[]): InternalHost | null {
  const embedded = (hi: number, lo: number) => v4Reason(((hi << 16) | lo) >>> 0)
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0)
  if (zeroUpTo(7) && g[7] <= 1) return g[7] === 1 ? 'loopback' : 'reserved'
  // IPv4-mapped (::ffff:a.b.c.d) and the old IPv4-compatible form (::a.b.c.d) reach that IPv4 host.
  if (zeroUpTo(5) && g[5] === 0xffff) return embedded(g[6], g[7])
  if (zeroUpTo(6)) return embedded(g[6], g[7]) ?? 'reserved'
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that a gateway calls.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6], g[7])
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private'
  if (g[0] === 0x2002) return embedded(g[1], g[2])
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'
  if ((g[0] & 0xffc0) === 0xfe80) return 'link_local'
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'
  if ((g[0] & 0xff00) === 0xff00) return 'reserved'
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved'
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved'
  return null
}

/**
 * Why `hostname` (as `URL.hostname` gives it: lower case, IPv4 in dotted decimal, IPv6 in
 * brackets) is not a public host, or null when it is. Literal addresses are judged by range;
 * names by what they say (`localhost`, `.internal`, `.local`, metadata names, a single label).
 * A public name that resolves to a private address is not caught here: the Workers runtime does
 * not reach private networks, and names are not resolved before the fetch.
 */
export function internalHostReason(hostname: string): InternalHost | null {
  const host = hostname.toLowerCase().replace(/\.+$/, '')
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = parseV6(host.slice(1, -1).split('%')[0])
    return groups ? v6Reason(groups) : 'reserved'
  }
  const v4 = parseV4(host)
  if (v4 !== null) return v4Reason(v4)
  if (host === '' || /^[\d.]+$/.test(host)) return 'reserved'
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  if (METADATA_NAMES.has(host)) return 'metadata'
  if (LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'local_name'
  if (!host.includes('.')) return 'local_name'
  return null
}

/** The same for a whole URL; an unparseable one is refused as `reserved`. */
export function internalUrlReason(url: string): InternalHost | null {
  try {
    return internalHostReason(new URL(url).hostname)
  } catch {
    return 'reserved'
  }
}

/** What a refusal says, per reason, in both languages (shown as the 400's field message). */
export const INTERNAL_HOST_TEXT: Record<InternalHost, { sv: string; en: string }> = {
  loopback: { sv: 'pekar på servern själv (loopback)', en: 'points at the server itself (loopback)' },
  private: { sv: 'pekar på ett privat nät', en: 'points at a private network' },
  link_local: { sv: 'pekar på en länklokal adress', en: 'points at a link-local address' },
  shared: { sv: 'pekar på operatörens delade adressrymd (100.64.0.0/10)', en: 'points at carrier-grade shared address space (100.64.0.0/10)' },
  metadata: { sv: 'pekar på en metadatatjänst i molnet', en: 'points at a cloud metadata service' },
  local_name: { sv: 'är ett namn i ett lokalt eller internt nät', en: 'is a name of a local or internal network' },
  reserved: { sv: 'är ingen publik adress', en: 'is not a public address' },
}
