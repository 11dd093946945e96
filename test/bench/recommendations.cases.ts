import { getInstrument } from '../../schema/instruments'
import type { Instrument } from '../../schema/instruments'
import { FACTOR_IDS } from '../../schema/enums'
import { recommend } from '../../worker/domain/portfolio/recommendations'
import type { Initiative } from '../../worker/domain/portfolio/types'

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

const rand = rng(7)
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
const rating = () => 1 + Math.floor(rand() * 5)

const results = {
  factors: FACTOR_IDS.map((id) => ({ id, percent: 30 + rand() * 60 })),
  categories: v1.dimensions.flatMap((d) => d.categories.map((c) => ({ id: c.id, percent: 30 + rand() * 60 }))),
  type: 'D' as const,
  flags: [],
}

const initiatives: Initiative[] = Array.from({ length: 40 }, (_, i) => ({
  id: `ini_${String(i).padStart(3, '0')}`,
  title: `Satsning ${i}`,
  kind: rand() < 0.4 ? 'innovation' : 'efficiency',
  target: rand() < 0.5 ? 'capability' : 'legacy',
  factors: [...new Set([pick(FACTOR_IDS), pick(FACTOR_IDS), pick(FACTOR_IDS)])].map((factorId) => ({ factorId, strength: 1 + Math.floor(rand() * 3) })),
  cost: 50_000 + Math.floor(rand() * 950_000),
  status: 'planned',
  pin: i === 3 ? 'in' : 'auto',
  politicalUrgency: rating(),
  technicalUrgency: rating(),
  societalBenefit: rating(),
  administrationBenefit: rating(),
  risk: rating(),
}))

/** The whole computation behind GET …/recommendations?budget= (the route adds only D1 reads). */
export const cases = [
  { name: 'recommendations: 40 costed initiatives, budget 6 MSEK (band D)', budgetMs: 100, run: () => recommend({ instrument: v1, results, initiatives, budget: 6_000_000 }) },
  { name: 'recommendations: 40 initiatives, ranking only', budgetMs: 2, run: () => recommend({ instrument: v1, results, initiatives }) },
]
