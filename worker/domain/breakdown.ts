/** Breakdown of a round's results by respondent role or unit, under the anonymity rules of §4. */
import type { Form } from '../../schema/enums'
import { RESPONDENT_ROLES } from '../../schema/enums'
import type { Instrument } from '../../schema/instruments'
import { hiddenGroups, UNASSIGNED } from './anonymity'
import { formLayout } from './layout'
import { compareCodePoints } from './round'
import { MIN_K } from './results'
import { scoreSet } from './scoring'
import type { Group, AnyResponse } from './types'

export type BreakdownBy = 'role' | 'unit'

/** Group id of a response: its role code, or its unit id (`unassigned` when none, no roll-up). */
export function groupIdOf(response: AnyResponse, by: BreakdownBy): string {
  return by === 'role' ? response.role : (response.unitId ?? UNASSIGNED)
}

/** The non-empty groups with their responses: roles in RESPONDENT_ROLES order; units by id in
 *  code-point order with `unassigned` last (our choice of a stable, documented order). */
export function partitionResponses(
  responses: readonly AnyResponse[],
  by: BreakdownBy,
): { id: string; responses: AnyResponse[] }[] {
  const groups = new Map<string, AnyResponse[]>()
  for (const r of responses) {
    const id = groupIdOf(r, by)
    const list = groups.get(id)
    if (list) list.push(r)
    else groups.set(id, [r])
  }
  const ids = [...groups.keys()]
  const roleIndex = (id: string) => (RESPONDENT_ROLES as readonly string[]).indexOf(id)
  ids.sort((a, b) => {
    if (by === 'role') return roleIndex(a) - roleIndex(b) || compareCodePoints(a, b)
    if (a === UNASSIGNED || b === UNASSIGNED) return (a === UNASSIGNED ? 1 : 0) - (b === UNASSIGNED ? 1 : 0)
    return compareCodePoints(a, b)
  })
  return ids.map((id) => ({ id, responses: groups.get(id) as AnyResponse[] }))
}

/** Breakdown groups: hidden ones as `{ id, suppressed: true }`, shown ones scored with the same
 *  k as the organisation (so their factors are suppressed below k as well). */
export function breakdown(
  instrument: Instrument,
  form: Form,
  k: number,
  responses: readonly AnyResponse[],
  by: BreakdownBy,
): Group[] {
  const kk = Math.max(MIN_K, k)
  const layout = formLayout(instrument, form)
  const groups = partitionResponses(responses, by)
  const hidden = hiddenGroups(
    groups.map((g) => ({ id: g.id, n: g.responses.length })),
    kk,
  )
  return groups.map((g) =>
    hidden.has(g.id)
      ? { id: g.id, suppressed: true as const }
      : { id: g.id, ...scoreSet(layout, g.responses, kk) },
  )
}
