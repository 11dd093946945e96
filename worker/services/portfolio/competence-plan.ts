/** The competence-development plan of a closed round, as JSON items and as CSV. */
import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import { allFactors, type Instrument, type LocalText } from '../../../schema/instruments'
import { emphasisedCategories, factorGaps } from '../../domain'
import { competencePlan, type CompetenceItem } from '../../domain/portfolio/competence'
import { closedResults, orgTargets } from './recommendations'
import { peerP75 } from '../benchmark/peer-targets'

export type PlanItem = CompetenceItem & { name: LocalText }

/** The plan for a round: its weaknesses and largest weighted gaps against the same targets and
 *  weights as the recommendations. */
export async function competencePlanFor(c: Context<AppEnv>, id: string): Promise<{ instrument: Instrument; items: PlanItem[] }> {
  const org = c.get('org')
  const { round, results, instrument } = await closedResults(c, id)
  const peer = await peerP75(c, org, round.id)
  const categories = Object.fromEntries(results.categories.map((s) => [s.id, s.percent]))
  const emphasised = emphasisedCategories(instrument, results.type, results.flags, categories)
  const factors = Object.fromEntries(results.factors.map((s) => [s.id, s.percent]))
  const gaps = factorGaps(instrument, factors, emphasised, orgTargets(org), peer)
  const names = new Map(allFactors(instrument).map((f) => [f.id, f.name]))
  const items = competencePlan(gaps, results.weaknesses).map((i) => ({ ...i, name: names.get(i.factorId)! }))
  return { instrument, items }
}

const CSV_HEADER = 'factor_id,factor_sv,factor_en,score,target,gap,weight,weakness,role,role_sv,role_en,mode,action_sv,action_en'

/** A field quoted when it holds a delimiter, quote or line break; a leading =, +, - or @ is
 *  prefixed with an apostrophe so a spreadsheet never runs it as a formula. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`
  return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** One row per factor and role (a factor without actions keeps one row with empty role cells). */
export function competencePlanCsv(items: readonly PlanItem[]): string {
  const lines = [CSV_HEADER]
  for (const i of items) {
    const base = [i.factorId, i.name.sv, i.name.en, i.score, i.target, i.gap, i.weight, i.weakness]
    const actions = i.actions.length ? i.actions : [null]
    for (const a of actions)
      lines.push([...base, a?.role ?? null, a?.roleName.sv ?? null, a?.roleName.en ?? null, a?.mode ?? null, a?.what.sv ?? null, a?.what.en ?? null].map(cell).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}
