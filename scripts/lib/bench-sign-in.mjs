// Part of `npm run bench` (scripts/bench-benchmark.mjs, against its wrangler dev): sign-in link
// requests for addresses with an account and without, interleaved, with the server time of each
// (Server-Timing app;dur) and the D1 rows it read and wrote (X-Count-Rows). The medians should
// match: the request never looks the address up (api.md). It fails only on a wrong answer.

const RUNS = 25
const known = (i) => `bench-known-${i}@example.se`

/** SQL giving each known address an account (a users row), for the benchmark's setup file. */
export function knownUsersSql() {
  const rows = Array.from({ length: RUNS }, (_, i) => `('usr_benchknown${i}', '${known(i)}', 'Bänk ${i}', '2026-01-01T00:00:00.000Z')`)
  return `INSERT INTO users (id, email, name, created_at) VALUES ${rows.join(', ')};\n`
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function request(origin, email) {
  const res = await fetch(`${origin}/api/v1/auth/sign-in-link`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Count-Rows': '1' }, body: JSON.stringify({ email }) })
  if (res.status !== 202) throw new Error(`sign-in link for ${email} answered ${res.status}: ${await res.text()}`)
  return { ms: Number(/app;dur=([\d.]+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]), rows: `${res.headers.get('X-D1-Rows-Read')} read, ${res.headers.get('X-D1-Rows-Written')} written` }
}

async function linksTo(origin, email) {
  const { items } = await (await fetch(`${origin}/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)).json()
  return items.flatMap((m) => m.links)
}

/** Times the requests, then checks that every known address got its link and no unknown one did. */
export async function timeSignInLinks(origin) {
  const tag = Date.now().toString(36)
  const unknown = (i) => `bench-unknown-${tag}-${i}@example.se`
  const times = { known: [], unknown: [] }
  const rows = { known: new Set(), unknown: new Set() }
  // The first request from this client creates its per-client window row: not part of either set.
  await request(origin, `bench-warm-up-${tag}@example.se`)
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so that a warming isolate favours neither.
    const order = i % 2 ? ['unknown', 'known'] : ['known', 'unknown']
    for (const kind of order) {
      const r = await request(origin, kind === 'known' ? known(i) : unknown(i))
      times[kind].push(r.ms)
      rows[kind].add(r.rows)
    }
  }
  const until = Date.now() + 20_000
  while ((await linksTo(origin, known(RUNS - 1))).length === 0) {
    if (Date.now() > until) throw new Error('the known addresses got no sign-in link within 20 s')
    await new Promise((r) => setTimeout(r, 200))
  }
  for (let i = 0; i < RUNS; i++) {
    if ((await linksTo(origin, known(i))).length !== 1) throw new Error(`${known(i)} did not get exactly one link`)
    if ((await linksTo(origin, unknown(i))).length !== 0) throw new Error(`${unknown(i)} got mail`)
  }
  const k = median(times.known)
  const u = median(times.unknown)
  console.log(`\nsign-in link requests, ${RUNS} known and ${RUNS} unknown addresses interleaved (wrangler dev, the mail queued)`)
  console.log(`server time (Server-Timing app;dur): median known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms (difference ${(k - u).toFixed(1)} ms); min known ${Math.min(...times.known).toFixed(1)} ms, unknown ${Math.min(...times.unknown).toFixed(1)} ms`)
  console.log(`D1 rows per request: known ${[...rows.known].join(' | ')}; unknown ${[...rows.unknown].join(' | ')}`)
}
