/** The competence-development plan: for the weakest factors, which roles to train or recruit and
 *  for what. The "for what" is the competence action of the suggestions library (one source);
 *  this file adds only who, and whether to train, recruit or either. */
import type { LocalText } from '../../../schema/instruments'
import { round9 } from '../round'
import type { FactorGap } from './gaps'
import { suggestionsFor } from './suggestions'

export const COMPETENCE_ROLES = {
  management: { sv: 'Ledningsgrupp', en: 'Management team' },
  cio: { sv: 'IT-chef', en: 'CIO' },
  manager: { sv: 'Chefer', en: 'Managers' },
  it: { sv: 'IT-personal', en: 'IT staff' },
  business_developer: { sv: 'Verksamhetsutvecklare', en: 'Business developers' },
  staff: { sv: 'Medarbetare', en: 'Staff' },
  system_owner: { sv: 'Systemägare och förvaltningsledare', en: 'System owners and maintenance leads' },
  project_manager: { sv: 'Projektledare', en: 'Project managers' },
  portfolio_manager: { sv: 'Portföljansvarig', en: 'Portfolio manager' },
  procurement: { sv: 'Upphandlare och beställare', en: 'Procurement officers and buyers' },
  controller: { sv: 'Controllers och ekonomer', en: 'Controllers and finance staff' },
  security: { sv: 'Informationssäkerhetssamordnare', en: 'Information security coordinator' },
  architect: { sv: 'Arkitekter', en: 'Architects' },
  developer: { sv: 'Utvecklare', en: 'Developers' },
  data_specialist: { sv: 'Informations- och dataspecialister', en: 'Information and data specialists' },
  information_owner: { sv: 'Informationsägare', en: 'Information owners' },
  benefit_owner: { sv: 'Nyttoägare', en: 'Benefit owners' },
  change_leader: { sv: 'Förändringsledare', en: 'Change leaders' },
  support: { sv: 'Supportpersonal', en: 'Support staff' },
  hr: { sv: 'HR', en: 'HR' },
} as const satisfies Record<string, LocalText>

export type CompetenceRole = keyof typeof COMPETENCE_ROLES
export type CompetenceMode = 'train' | 'recruit' | 'train_or_recruit'

type Need = readonly [CompetenceRole, CompetenceMode]

/** Who each factor's competence action is for, read off the library's wording. */
export const COMPETENCE_NEEDS: Readonly<Record<string, readonly Need[]>> = {
  E1: [['management', 'train']],
  E2: [['system_owner', 'train']],
  E3: [['project_manager', 'train_or_recruit']],
  E4: [['procurement', 'train']],
  E5: [['controller', 'train'], ['system_owner', 'train']],
  E6: [['security', 'train_or_recruit'], ['staff', 'train']],
  E7: [['architect', 'train_or_recruit']],
  I1: [['business_developer', 'train']],
  I2: [['information_owner', 'train']],
  I3: [['developer', 'train'], ['procurement', 'train']],
  I4: [['manager', 'train']],
  I5: [['business_developer', 'train']],
  I6: [['change_leader', 'train']],
  B1: [['controller', 'train'], ['manager', 'train']],
  B2: [['project_manager', 'train'], ['controller', 'train']],
  B3: [['portfolio_manager', 'train_or_recruit']],
  B4: [['benefit_owner', 'train'], ['business_developer', 'train']],
  B5: [['hr', 'train'], ['manager', 'train']],
  O1: [['it', 'train_or_recruit']],
  O2: [['staff', 'train'], ['manager', 'train']],
  U1: [['support', 'train']],
  U2: [['business_developer', 'train'], ['it', 'train']],
  T1: [['data_specialist', 'train_or_recruit']],
  T2: [['staff', 'train'], ['manager', 'train']],
  T3: [['architect', 'train_or_recruit'], ['developer', 'train_or_recruit']],
  T4: [['management', 'train'], ['cio', 'train']],
}

/** How many of the largest weighted gaps join the results' weaknesses in the plan. */
export const PLAN_GAP_COUNT = 5

const COMPETENCE_WORDING = /\b(train|recruit|upskill)/i

/** The library's competence-development action for a factor (who to train or recruit). */
export function competenceAction(factorId: string): LocalText | null {
  return suggestionsFor(factorId).find((s) => COMPETENCE_WORDING.test(s.en)) ?? null
}

export interface CompetenceItem {
  factorId: string
  score: number | null
  target: number
  gap: number
  weight: number
  weightedGap: number
  weakness: boolean
  actions: { role: CompetenceRole; roleName: LocalText; mode: CompetenceMode; what: LocalText }[]
}

/** The plan: the results' weaknesses plus the PLAN_GAP_COUNT largest weighted gaps (w·g > 0),
 *  by weighted gap descending, then instrument order (the order of `gaps`). */
export function competencePlan(gaps: readonly FactorGap[], weaknesses: readonly string[]): CompetenceItem[] {
  const weak = new Set(weaknesses)
  const order = new Map(gaps.map((g, i) => [g.factorId, i]))
  const byGap = [...gaps].sort(
    (a, b) => round9(b.weight * b.gap) - round9(a.weight * a.gap) || (order.get(a.factorId) ?? 0) - (order.get(b.factorId) ?? 0),
  )
  const largest = new Set(byGap.filter((g) => round9(g.weight * g.gap) > 0).slice(0, PLAN_GAP_COUNT).map((g) => g.factorId))
  return byGap
    .filter((g) => weak.has(g.factorId) || largest.has(g.factorId))
    .map((g) => {
      const what = competenceAction(g.factorId)
      const needs = COMPETENCE_NEEDS[g.factorId] ?? []
      return {
        factorId: g.factorId,
        score: g.score,
        target: g.target,
        gap: g.gap,
        weight: g.weight,
        weightedGap: g.weight * g.gap,
        weakness: weak.has(g.factorId),
        actions: what === null ? [] : needs.map(([role, mode]) => ({ role, roleName: COMPETENCE_ROLES[role], mode, what })),
      }
    })
}

