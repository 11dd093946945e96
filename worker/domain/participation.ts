/** Participation as the organisation may see it (docs/model.md §4): counts, never persons. */
import { RESPONDENT_ROLES, type RespondentRole, type RespondentStatus } from '../../schema/enums'
import { hiddenGroups, UNASSIGNED } from './anonymity'
import { compareCodePoints } from './round'

/** Respondents of one (role, unit, status) combination. */
export interface ParticipationCell {
  role: RespondentRole
  unitId: string | null
  status: RespondentStatus
  n: number
}

export interface Counts {
  invited: number
  started: number
  submitted: number
  rate: number | null
}

export type RoleRow = ({ role: RespondentRole } & Counts) | { role: RespondentRole; suppressed: true }
export type UnitRow = ({ unitId: string | null } & Counts) | { unitId: string | null; suppressed: true }

export interface ParticipationSummary {
  /** The whole round; its counts are null when the round has fewer than k respondents. */
  total: { invited: number; started: number | null; submitted: number | null; rate: number | null; suppressed?: true }
  byRole: RoleRow[]
  byUnit: UnitRow[]
}

// Cumulative: whoever submitted has also started and been invited; `added` is not yet invited.
const CUMULATIVE: Record<RespondentStatus, (keyof Omit<Counts, 'rate'>)[]> = {
  added: [],
  invited: ['invited'],
  started: ['invited', 'started'],
  submitted: ['invited', 'started', 'submitted'],
}

function countsOf(cells: readonly ParticipationCell[]): Counts {
  const c = { invited: 0, started: 0, submitted: 0 }
  for (const cell of cells) for (const key of CUMULATIVE[cell.status]) c[key] += cell.n
  return { ...c, rate: c.invited > 0 ? c.submitted / c.invited : null }
}

const size = (cells: readonly ParticipationCell[]) => cells.reduce((s, c) => s + c.n, 0)
const unitKey = (unitId: string | null) => unitId ?? UNASSIGNED

/** The parts one dimension publishes: each shown group, and the hidden ones together (the rest). */
function partOf(shown: ReadonlySet<string>, id: string): string {
  return shown.has(id) ? id : '\u0000rest'
}

/**
 * Whether role and unit groups may both be shown. Each dimension splits the round into its shown
 * groups plus the rest; every published count is a sum over such parts, so every linear
 * combination of them counts a union of intersections (role part × unit part). When every
 * non-empty intersection holds at least k respondents, no combination can single out fewer than k.
 */
function crossSafe(cells: readonly ParticipationCell[], roles: ReadonlySet<string>, units: ReadonlySet<string>, k: number): boolean {
  const atoms = new Map<string, number>()
  for (const c of cells) {
    const key = `${partOf(roles, c.role)}\u0001${partOf(units, unitKey(c.unitId))}`
    atoms.set(key, (atoms.get(key) ?? 0) + c.n)
  }
  return [...atoms.values()].every((n) => n === 0 || n >= k)
}

/**
 * The participation summary for threshold k. A group is sized by its respondents (whatever their
 * status), and shown only with at least k of them; the smallest shown groups are hidden too while
 * the hidden ones together hold fewer than k (as breakdowns do), so none follows by subtraction
 * from the total. When the two dimensions together would isolate fewer than k (a unit's only
 * manager), the role groups are hidden, since units are what reminders are chased by.
 */
export function participationSummary(cells: readonly ParticipationCell[], k: number): ParticipationSummary {
  const byRoleCells = new Map<string, ParticipationCell[]>()
  const byUnitCells = new Map<string, ParticipationCell[]>()
  for (const c of cells) {
    byRoleCells.set(c.role, [...(byRoleCells.get(c.role) ?? []), c])
    byUnitCells.set(unitKey(c.unitId), [...(byUnitCells.get(unitKey(c.unitId)) ?? []), c])
  }
  const sized = (m: Map<string, ParticipationCell[]>) => [...m].map(([id, g]) => ({ id, n: size(g) })).filter((g) => g.n > 0)
  const hiddenRoles = hiddenGroups(sized(byRoleCells), k)
  const hiddenUnits = hiddenGroups(sized(byUnitCells), k)
  const shownRoles = new Set([...byRoleCells.keys()].filter((id) => !hiddenRoles.has(id)))
  const shownUnits = new Set([...byUnitCells.keys()].filter((id) => !hiddenUnits.has(id)))
  if (shownRoles.size && shownUnits.size && !crossSafe(cells, shownRoles, shownUnits, k)) shownRoles.clear()

  const roleIds = RESPONDENT_ROLES.filter((r) => byRoleCells.has(r))
  // Units by id, respondents without a unit (null) last: a stable order for tables and charts.
  const unitIds = [...byUnitCells.keys()].sort((a, b) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : compareCodePoints(a, b)))
  const total = countsOf(cells)
  return {
    total: size(cells) >= k ? total : { invited: total.invited, started: null, submitted: null, rate: null, suppressed: true },
    byRole: roleIds.map((role) => (shownRoles.has(role) ? { role, ...countsOf(byRoleCells.get(role)!) } : { role, suppressed: true as const })),
    byUnit: unitIds.map((id) => {
      const unitId = id === UNASSIGNED ? null : id
      return shownUnits.has(id) ? { unitId, ...countsOf(byUnitCells.get(id)!) } : { unitId, suppressed: true as const }
    }),
  }
}

/** How long a participation snapshot is served before it is counted again: polling more often
 *  must not tell within minutes, let alone seconds, when one person submitted. */
export const PARTICIPATION_REFRESH_MS = 10 * 60_000

/** Whether a snapshot taken at `asOf` (ISO) is due for a recount at `now` (ms). */
export function participationStale(asOf: string | null, now: number): boolean {
  return asOf === null || now - Date.parse(asOf) >= PARTICIPATION_REFRESH_MS
}
