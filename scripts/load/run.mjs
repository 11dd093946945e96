// `npm run bench:load` (not part of CI): a load run against a real `wrangler dev` on this
// machine. It sets up an open short-form round with 500 respondents through the API, then
// measures (a) GET /api/v1/health with 50 concurrent clients for ~5 s, (b) 500 respondents saving
// 5 times each from 50 concurrent clients, then submitting, and (c) checks that every respondent's
// saved answers read back exactly as the union of what it saved. Traffic goes to 127.0.0.1 only,
// every loop is bounded in count and time, and wrangler is stopped at the end.
import { startWranglerDev } from '../lib/wrangler-dev.mjs'
import { setUp } from './setup.mjs'
import { formatStatuses, latencySummary, runFor, runPool, timed } from './measure.mjs'

const PORT = Number(process.env.LOAD_PORT ?? process.env.E2E_PORT ?? 8796)
const RESPONDENTS = 500
const SAVES_EACH = 5
const ITEMS_PER_SAVE = 3
const CLIENTS = 50
const HEALTH_SECONDS = 5
const TARGET_SHARE = 40
const VALUES = [1, 2, 3, 4, 5, 6, 'dont_know']

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`Node ${process.versions.node} is too old: run through npm (npm run bench:load).`)
  process.exit(1)
}

/** Save s of respondent r: its own slice of the form (disjoint across saves), values from r and s. */
function planSaves(itemIds) {
  const saves = []
  for (let s = 0; s < SAVES_EACH; s++)
    for (let r = 0; r < RESPONDENTS; r++) {
      const answers = {}
      for (let k = 0; k < ITEMS_PER_SAVE; k++) answers[itemIds[(s * ITEMS_PER_SAVE + k) % itemIds.length]] = VALUES[(r * 7 + s * 3 + k) % VALUES.length]
      saves.push({ r, answers })
    }
  return saves
}

const fmt = (n, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const server = await startWranglerDev({ port: PORT, prefix: 'mognad-load-' })
let failed = false
const stopOnSignal = async () => {
  await server.stop()
  process.exit(130)
}
process.on('SIGINT', stopOnSignal)
try {
  const { baseUrl } = server
  console.log(`wrangler dev on ${baseUrl}; setting up ${RESPONDENTS} respondents…`)
  const setupStarted = performance.now()
  const { tokens, itemIds } = await setUp(baseUrl, RESPONDENTS)
  console.log(`set up in ${fmt((performance.now() - setupStarted) / 1000, 1)} s (${tokens.length} tokens from the dev outbox, ${itemIds.length} items)`)

  // (a) The ceiling: a route that touches nothing. Measured before and after the saves, and the
  // mean taken, so a neighbour's load on a shared machine skews the ratio less.
  const measureHealth = async (when) => {
    const health = await runFor(HEALTH_SECONDS, CLIENTS, async () => (await timed(`${baseUrl}/api/v1/health`)).status)
    const rate = health.count / health.seconds
    console.log(`\n(a) GET /api/v1/health ${when}, ${CLIENTS} clients, ${fmt(health.seconds, 1)} s: ${fmt(health.count)} requests, ${fmt(rate)} req/s [${formatStatuses(health.statuses)}]`)
    return rate
  }
  const healthBefore = await measureHealth('before the saves')

  // (b) Saves, then submits.
  const saves = planSaves(itemIds)
  const put = (save) =>
    timed(`${baseUrl}/api/v1/respond/${tokens[save.r]}/answers`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers: save.answers }) })
  const saved = await runPool(saves, CLIENTS, put)
  const saveRate = saves.length / saved.seconds
  const s = latencySummary(saved.results)
  const nonOk = saved.results.filter((r) => r.status < 200 || r.status > 299).length
  const serverErrors = saved.results.filter((r) => r.status >= 500 || r.status === 0).length
  console.log(`\n(b) PUT /respond/{token}/answers, ${RESPONDENTS} respondents × ${SAVES_EACH} saves of ${ITEMS_PER_SAVE} items, ${CLIENTS} clients:`)
  console.log(`    ${fmt(saves.length)} requests in ${fmt(saved.seconds, 1)} s = ${fmt(saveRate)} req/s; p50 ${fmt(s.p50, 1)} ms, p95 ${fmt(s.p95, 1)} ms, max ${fmt(s.max, 1)} ms`)
  console.log(`    time inside the Worker (Server-Timing): p50 ${fmt(s.serverP50, 1)} ms, p95 ${fmt(s.serverP95, 1)} ms`)
  console.log(`    non-2xx: ${nonOk} (5xx or no answer: ${serverErrors}) [${formatStatuses(s.statuses)}]`)

  const submitted = await runPool(tokens, CLIENTS, (token) => timed(`${baseUrl}/api/v1/respond/${token}/submit`, { method: 'POST' }))
  const sub = latencySummary(submitted.results)
  const submitErrors = submitted.results.filter((r) => r.status !== 200).length
  console.log(`    submits: ${tokens.length} in ${fmt(submitted.seconds, 1)} s = ${fmt(tokens.length / submitted.seconds)} req/s; p50 ${fmt(sub.p50, 1)} ms, p95 ${fmt(sub.p95, 1)} ms; not 200: ${submitErrors}`)

  // (c) Nothing lost, nothing duplicated: each respondent reads back exactly the union it saved.
  const expected = Array.from({ length: RESPONDENTS }, () => ({}))
  for (const save of saves) Object.assign(expected[save.r], save.answers)
  const { results: checks } = await runPool(tokens, CLIENTS, async (token, r) => {
    const res = await fetch(`${baseUrl}/api/v1/respond/${token}`)
    if (res.status !== 200) return `respondent ${r}: GET answered ${res.status}`
    const survey = await res.json()
    const got = survey.answers
    const want = expected[r]
    const same = Object.keys(got).length === Object.keys(want).length && Object.entries(want).every(([id, v]) => got[id] === v)
    if (!same) return `respondent ${r}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`
    if (!survey.submittedAt) return `respondent ${r}: not submitted`
    return null
  })
  const mismatches = checks.filter(Boolean)
  console.log(`\n(c) read-back: ${RESPONDENTS - mismatches.length} of ${RESPONDENTS} respondents hold exactly what they saved (${Object.keys(expected[0]).length} answers each) and are submitted`)
  for (const m of mismatches.slice(0, 5)) console.log(`    ${m}`)

  const healthRate = (healthBefore + (await measureHealth('after the saves'))) / 2
  const share = (saveRate / healthRate) * 100
  console.log(`\nhealth ${fmt(healthRate)} req/s (mean), saves ${fmt(saveRate)} req/s`)
  console.log(`\nsaves reached ${fmt(share, 1)} % of the health rate (target ≥ ${TARGET_SHARE} %)`)
  failed = serverErrors > 0 || mismatches.length > 0 || submitErrors > 0
  if (failed) console.log('FAILED: server errors, failed submits or lost/duplicated answers (see above)')
} catch (err) {
  failed = true
  console.error(`load run failed: ${err?.stack ?? err}\n(wrangler log: ${server.logFile})`)
} finally {
  await server.stop({ keepState: failed })
}
process.exit(failed ? 1 : 0)
