import { optimisePortfolio } from '../../worker/domain/portfolio/optimiser'
import { instance } from '../domain/optimiser-instances'
import type { Shape } from '../domain/optimiser-instances'

/** Each case cycles through 15 seeded instances of one size and shape, so the median and p95 are
 *  over instances too; the name says how many of them the search proves exact. */
function sweep(n: number, kind: Shape['kind']) {
  const list = Array.from({ length: 15 }, (_, s) => instance(9_000 + s * 101 + n, { n, kind, pins: s % 5 === 0 }))
  let exact = 0
  let worst = 0
  for (const { cands, budget, band } of list) {
    const r = optimisePortfolio(cands, budget, band)
    if (r.exact) exact++
    worst = Math.max(worst, r.optimalityGap)
  }
  let i = 0
  const label = kind === 'typical' ? 'typical' : 'band binds'
  return {
    name: `optimiser ${n}, ${label}: exact ${exact}/15, gap ≤ ${(worst * 100).toFixed(3)} %`,
    budgetMs: n <= 300 && kind === 'typical' ? 100 : undefined,
    run: () => {
      const { cands, budget, band } = list[i++ % list.length]
      return optimisePortfolio(cands, budget, band)
    },
  }
}

/** The optimiser at the sizes municipalities have, typical and with the innovation band binding. */
export const cases = [40, 100, 200, 300, 500].flatMap((n) => [sweep(n, 'typical'), sweep(n, 'share')])
