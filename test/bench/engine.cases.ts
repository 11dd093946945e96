import { formItems, getInstrument, scoreIds } from '../../schema/instruments'
import type { AnswerValue, Instrument } from '../../schema/instruments'
import { RESPONDENT_ROLES } from '../../schema/enums'
import { benchmark } from '../../worker/domain/benchmark'
import type { BenchmarkAsker, BenchmarkRecord } from '../../worker/domain/benchmark'
import { publishRound } from '../../worker/domain/disclosure/publish'
import { optimisePortfolio } from '../../worker/domain/portfolio/optimiser'
import type { Candidate } from '../../worker/domain/portfolio/optimiser'
import { scoreRound } from '../../worker/domain/results'
import { keepResults } from '../../worker/domain/kept-results'
import type { CompactResponse, SubmittedResponse } from '../../worker/domain/types'

const v1 = getInstrument('v1') as Instrument

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rand = rng(42)
const ids = formItems(v1, 'full').map((i) => i.id)
const responses: SubmittedResponse[] = Array.from({ length: 1000 }, (_, r) => {
  const answers: Record<string, AnswerValue> = {}
  for (const id of ids) {
    const x = rand()
    if (x < 0.05) continue
    answers[id] = x < 0.1 ? 'dont_know' : ((1 + Math.floor(rand() * 6)) as AnswerValue)
  }
  return { answers, role: RESPONDENT_ROLES[r % RESPONDENT_ROLES.length], unitId: `unt_${r % 50}` }
})

const all = scoreIds(v1)
const records: BenchmarkRecord[] = Array.from({ length: 1500 }, (_, i) => ({
  orgId: `org_${i}`,
  kind: i % 3 === 0 ? 'region' : 'municipality',
  population: Math.floor(rand() * 300_000),
  county: ['01', '03', '04'][i % 3],
  demo: false,
  verified: true,
  shareBenchmark: true,
  round: {
    roundId: `asm_${i}`,
    closedAt: `2025-0${1 + (i % 6)}-01T00:00:00.000Z`,
    instrumentVersion: 'v1',
    scores: Object.fromEntries(all.map((id) => [id, rand() < 0.05 ? null : rand() * 100])),
  },
}))
const asker: BenchmarkAsker = { ...records[1], orgId: 'org_me', round: { ...records[1].round, closedAt: '2025-07-01T00:00:00.000Z' } }

const candidates: Candidate[] = Array.from({ length: 40 }, (_, i) => ({
  id: `ini_${String(i).padStart(2, '0')}`,
  cost: 50_000 + Math.floor(rand() * 950_000),
  innovation: rand() < 0.4,
  score: rand() * 120,
  pinnedIn: i < 2,
}))
const budget = candidates.reduce((s, c) => s + c.cost, 0) / 3

/** The engine's benchmark cases with their budgets (ms, median); printed by `npm run bench`. */
// The same responses in the snapshot's compact form: what a close and a change of k score from.
const compact: CompactResponse[] = responses.map((r) => ({
  codes: ids.map((id) => { const a = r.answers[id]; return a === 'dont_know' ? 'x' : a === undefined ? '.' : String(a) }).join(''),
  role: r.role,
  unitId: r.unitId,
}))

export const cases = [
  { name: 'scoring: 1,000 respondents × 78 items (snapshot form)', budgetMs: 2, run: () => scoreRound(v1, 'full', 5, compact) },
  { name: 'scoring: 1,000 respondents × 78 items (answer maps)', budgetMs: undefined, run: () => scoreRound(v1, 'full', 5, responses) },
  { name: 'published cells: 1,000 respondents, 6 roles × 50 units', budgetMs: undefined, run: () => publishRound(v1, 'full', 5, compact) },
  { name: 'the close: published bodies for every k 5…50, 1,000 respondents in 50 units', budgetMs: undefined, run: () => keepResults('v1', 'full', 5, compact) },
  { name: 'benchmark statistics: 1,500 organisations', budgetMs: 20, run: () => benchmark(v1, asker, records) },
  { name: 'portfolio optimiser: 40 costed initiatives (band D)', budgetMs: 100, run: () => optimisePortfolio(candidates, budget, { min: 0.3, max: 0.7 }) },
]
