/** The groups of a breakdown by respondent role or unit (docs/model.md §4); what is shown of them
 *  is decided for the whole round in disclosure/publish.ts. */
import { RESPONDENT_ROLES } from '../../schema/enums'
import { UNASSIGNED } from './anonymity'
import { compareCodePoints } from './round'
import type { AnyResponse } from './types'

export type BreakdownBy = 'role' | 'unit'

/** Group id of a response: its role code, or its unit id (`unassigned` when none, no roll-up). */
export function groupIdOf(response: AnyResponse, by: BreakdownBy): string {
  return by === 'role' ? response.role : (response.unitId ?? UNASSIGNED)
}

/** The non-empty groups with the indices of their responses (input order kept within a group):
 *  roles in RESPONDENT_ROLES order; units by id in code-point order with `unassigned` last (our
 *  choice of a stable, documented order). */
export function partitionIndices(responses: readonly AnyResponse[], by: BreakdownBy): { id: string; members: number[] }[] {
  const groups = new Map<string, number[]>()
  responses.forEach((r, i) => {
    const id = groupIdOf(r, by)
    const list = groups.get(id)
    if (list) list.push(i)
    else groups.set(id, [i])
  })
  const ids = [...groups.keys()]
  const roleIndex = (id: string) => (RESPONDENT_ROLES as readonly string[]).indexOf(id)
  ids.sort((a, b) => {
    if (by === 'role') return roleIndex(a) - roleIndex(b) || compareCodePoints(a, b)
    if (a === UNASSIGNED || b === UNASSIGNED) return (a === UNASSIGNED ? 1 : 0) - (b === UNASSIGNED ? 1 : 0)
    return compareCodePoints(a, b)
  })
  return ids.map((id) => ({ id, members: groups.get(id) as number[] }))
}

/** The non-empty groups with their responses, in the order of partitionIndices. */
export function partitionResponses(
  responses: readonly AnyResponse[],
  by: BreakdownBy,
): { id: string; responses: AnyResponse[] }[] {
  return partitionIndices(responses, by).map((g) => ({ id: g.id, responses: g.members.map((i) => responses[i]) }))
}
