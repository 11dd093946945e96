import { describe, expect, it } from 'vitest'
import { internalHostReason, internalUrlReason, type InternalHost } from '../../worker/domain/internal-host'

// Each URL goes through the WHATWG parser first, as the routes do: it folds case and turns
// 2130706433, 0x7f.1 or 0177.0.0.1 into 127.0.0.1 and [::ffff:127.0.0.1] into [::ffff:7f00:1].
describe('internalUrlReason', () => {
  it.each([
    // Public hosts.
    ['https://hooks.example.se/mognad', null],
    ['https://login.microsoftonline.com/tenant/v2.0', null],
    ['https://8.8.8.8/', null],
    ['https://100.63.255.255/', null],
    ['https://100.128.0.1/', null],
    ['https://172.15.255.255/', null],
    ['https://172.32.0.1/', null],
    ['https://169.253.255.255/', null],
    ['https://[2001:4860:4860::8888]/', null],
    ['https://[::ffff:8.8.8.8]/', null],
    ['https://local.example.se/', null],
    ['https://internal.example.se/', null],
    // Loopback, however it is spelt.
    ['http://127.0.0.1:8787/', 'loopback'],
    ['http://127.255.255.254/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://localhost/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://api.localhost/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::127.0.0.1]/', 'loopback'],
    ['http://[64:ff9b::127.0.0.1]/', 'loopback'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    // Private networks (RFC 1918, IPv6 ULA fc00::/7 and the old site-local fec0::/10).
    ['https://10.0.0.1/', 'private'],
    ['https://10.255.255.255/', 'private'],
    ['https://172.16.0.1/', 'private'],
    ['https://172.31.255.255/', 'private'],
    ['https://192.168.1.10/', 'private'],
    ['https://[fc00::1]/', 'private'],
    ['https://[fd12:3456:789a::1]/', 'private'],
    ['https://[fec0::1]/', 'private'],
    ['https://[::ffff:10.1.2.3]/', 'private'],
    ['https://[::ffff:c0a8:101]/', 'private'],
    // Link-local (169.254/16, fe80::/10) and CGNAT shared space (100.64/10).
    ['https://169.254.1.1/', 'link_local'],
    ['https://[fe80::1]/', 'link_local'],
    // The URL parser refuses a zone id, so such an address never gets as far as a range.
    ['https://[fe80::1%25eth0]/', 'reserved'],
    ['https://[febf::1]/', 'link_local'],
    ['https://100.64.0.1/', 'shared'],
    ['https://100.127.255.255/', 'shared'],
    // Cloud metadata services.
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://metadata.google.internal./', 'metadata'],
    ['http://metadata/', 'metadata'],
    // Names of local or internal networks.
    ['https://idp.corp.internal/', 'local_name'],
    ['https://printer.local/', 'local_name'],
    ['https://svc.cluster.local/', 'local_name'],
    ['https://router.home.arpa/', 'local_name'],
    ['https://intranet/', 'local_name'],
    // Addresses that are not public unicast at all.
    ['http://0.0.0.0/', 'reserved'],
    ['http://[::]/', 'reserved'],
    ['http://255.255.255.255/', 'reserved'],
    ['http://224.0.0.1/', 'reserved'],
    ['http://192.0.2.1/', 'reserved'],
    ['http://[ff02::1]/', 'reserved'],
    ['http://[2001:db8::1]/', 'reserved'],
    ['not a url', 'reserved'],
  ] as [string, InternalHost | null][])('%s → %s', (url, reason) => {
    expect(internalUrlReason(url)).toBe(reason)
  })
})

describe('internalHostReason', () => {
  it.each([
    ['[::ffff:127.0.0.1]', 'loopback'],
    ['[1:2:3:4:5:6:7:8:9]', 'reserved'],
    ['[1::2::3]', 'reserved'],
    ['[fc00::zz]', 'reserved'],
    ['', 'reserved'],
    ['1.2.3', 'reserved'],
    ['example.se', null],
  ] as [string, InternalHost | null][])('%s → %s', (host, reason) => {
    expect(internalHostReason(host)).toBe(reason)
  })
})
