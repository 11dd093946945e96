/** Score(i) of an initiative and its explanation (docs/model.md §6.4–§6.5, §6.8). */
import type { FactorGap } from './gaps'
import type { Explanation, Initiative } from './types'

/** mean(political urgency, technical urgency, societal benefit, administration benefit) / 3. */
export function valueFactor(i: Initiative): number {
  return (i.politicalUrgency + i.technicalUrgency + i.societalBenefit + i.administrationBenefit) / 4 / 3
}

/** 1.25 − 0.125 · risk: risk 1 → 1.125, risk 5 → 0.625. */
export function riskFactor(i: Initiative): number {
  return 1.25 - 0.125 * i.risk
}

/** Score(i) = Impact · value · risk factor with its explanation; Impact sums w·g·strength/3 over
 *  the listed factors (a factor unknown to the instrument contributes nothing). */
export function scoreInitiative(
  i: Initiative,
  gaps: ReadonlyMap<string, FactorGap>,
): { score: number; explanation: Explanation } {
  const contributions = i.factors.flatMap((f) => {
    const g = gaps.get(f.factorId)
    if (!g) return []
    return [
      {
        factorId: f.factorId,
        score: g.score,
        target: g.target,
        gap: g.gap,
        weight: g.weight,
        strength: f.strength,
        contribution: (g.weight * g.gap * f.strength) / 3,
      },
    ]
  })
  let impact = 0
  for (const c of contributions) impact += c.contribution
  const value = valueFactor(i)
  const risk = riskFactor(i)
  return {
    score: impact * value * risk,
    explanation: { gaps: contributions, impact, valueFactor: value, riskFactor: risk },
  }
}
