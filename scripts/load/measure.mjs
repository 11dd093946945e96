// Small load helpers: a bounded pool of concurrent clients, and latency statistics.

/**
 * Runs `jobs` with `clients` concurrent workers (each takes the next job when its last ended);
 * returns per-job results in job order, plus the wall time.
 */
export async function runPool(jobs, clients, run) {
  const results = Array.from({ length: jobs.length })
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(clients, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++
        results[i] = await run(jobs[i], i)
      }
    }),
  )
  return { results, seconds: (performance.now() - started) / 1000 }
}

/** `clients` workers repeating `run` until `seconds` have passed (and at most `maxRequests` in all). */
export async function runFor(seconds, clients, run, maxRequests = 1_000_000) {
  let count = 0
  const statuses = new Map()
  const deadline = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && count < maxRequests) {
        count++
        const status = await run()
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  return { count, statuses, seconds: (performance.now() - started) / 1000 }
}

/**
 * One timed request: status (0 when the connection failed), milliseconds as the client saw them,
 * and the Worker's own time from its Server-Timing header (the rest is queueing and transport).
 */
export async function timed(url, init) {
  const started = performance.now()
  try {
    const res = await fetch(url, init)
    await res.arrayBuffer()
    const app = /app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')
    return { status: res.status, ms: performance.now() - started, serverMs: app ? Number(app[1]) : NaN }
  } catch {
    return { status: 0, ms: performance.now() - started, serverMs: NaN }
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo)
}

export function latencySummary(results) {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b)
  const statuses = new Map()
  for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
  const server = results.map((r) => r.serverMs).filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms[ms.length - 1], serverP50: percentile(server, 50), serverP95: percentile(server, 95), statuses }
}

export const formatStatuses = (statuses) => [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')
