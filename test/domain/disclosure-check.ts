/**
 * An independent reading of a published round: from the published cells and the respondents'
 * memberships (which the test knows), the set of respondents every shown number aggregates, per
 * level. The disclosure property is then checked on these sets, without the module's internals.
 */
import { formLayout, respondentFactorScores, type AnyResponse, type Group, type PublishedRound, type Score, type ScoreSet } from '../../worker/domain'
import type { Form } from '../../schema/enums'
import type { Instrument } from '../../schema/instruments'

/** One system: the shown cells of one level, each as the sorted respondent indices it aggregates. */
export interface System {
  level: string
  cells: { group: string; members: number[]; n: number }[]
}

const groupKey = (r: AnyResponse, by: 'role' | 'unit') => (by === 'role' ? r.role : (r.unitId ?? 'unassigned'))

/** Every level's shown cells as sets (groups: their respondents; factors and upper levels: the
 *  respondents with a score there, given the factors the group shows). */
export function shownSystems(instrument: Instrument, form: Form, responses: readonly AnyResponse[], published: PublishedRound): System[] {
  const layout = formLayout(instrument, form)
  const F = layout.factors.length
  const matrix = respondentFactorScores(layout, responses)
  const qualifies = (r: number, f: number) => !Number.isNaN(matrix[r * F + f])
  const all = responses.map((_, i) => i)
  const groups: { name: string; members: number[]; set: ScoreSet }[] = [{ name: 'overall', members: all, set: published.results }]
  for (const by of ['role', 'unit'] as const) {
    for (const g of published.breakdowns[by] as Group[]) {
      if ('suppressed' in g) continue
      groups.push({ name: `${by}:${g.id}`, members: all.filter((i) => groupKey(responses[i], by) === g.id), set: g })
    }
  }
  const systems: System[] = [{ level: 'respondents', cells: groups.map((g) => ({ group: g.name, members: g.members, n: g.set.n })) }]
  const shownCell = (s: Score) => s.percent !== null || s.ci !== null
  layout.factors.forEach((factor, f) => {
    const cells = groups
      .filter((g) => shownCell(g.set.factors[f]))
      .map((g) => ({ group: g.name, members: g.members.filter((r) => qualifies(r, f)), n: g.set.factors[f].n }))
    systems.push({ level: factor.id, cells })
  })
  // Upper levels: the respondent-level scores of docs/model.md §2.6 over the group's shown factors.
  const upper = groups.map((g) => {
    const shownF = layout.factors.map((_, f) => g.set.factors[f].percent !== null)
    const cat = (r: number, c: number) => layout.categories[c].factorIdx.some((f) => shownF[f] && qualifies(r, f))
    const dim = (r: number, d: number) => layout.dimensions[d].categoryIdx.some((c) => cat(r, c))
    return {
      categories: layout.categories.map((_, c) => g.members.filter((r) => cat(r, c))),
      dimensions: layout.dimensions.map((_, d) => g.members.filter((r) => dim(r, d))),
      overall: g.members.filter((r) => layout.dimensions.every((_, d) => dim(r, d))),
    }
  })
  const add = (level: string, score: (g: ScoreSet) => Score, members: (i: number) => number[]) =>
    systems.push({
      level,
      cells: groups.flatMap((g, i) => (shownCell(score(g.set)) ? [{ group: g.name, members: members(i), n: score(g.set).n }] : [])),
    })
  layout.categories.forEach((c, ci) => add(c.id, (s) => s.categories[ci], (i) => upper[i].categories[ci]))
  layout.dimensions.forEach((d, di) => add(d.id, (s) => s.dimensions[di], (i) => upper[i].dimensions[di]))
  add('overall', (s) => s.overall, (i) => upper[i].overall)
  return systems
}

/** Sizes of the atoms (respondents with the same membership over the cells), leaving out those in
 *  no cell, which no shown number involves. */
export function atomSizesOf(system: System, R: number): number[] {
  const signature = Array.from({ length: R }, () => '')
  system.cells.forEach((cell, i) => cell.members.forEach((r) => (signature[r] += `${i},`)))
  const sizes = new Map<string, number>()
  for (const s of signature) if (s) sizes.set(s, (sizes.get(s) ?? 0) + 1)
  return [...sizes.values()]
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y) [x, y] = [y, x % y]
  return x
}

/** Exact rank over the rationals (fraction-free elimination on integers). */
export function rank(rows: readonly (readonly number[])[]): number {
  const m = rows.map((r) => r.map(BigInt))
  const cols = m[0]?.length ?? 0
  let rk = 0
  for (let c = 0; c < cols && rk < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rk && row[c] !== 0n)
    if (p < 0) continue
    ;[m[rk], m[p]] = [m[p], m[rk]]
    for (let i = rk + 1; i < m.length; i++) {
      if (m[i][c] === 0n) continue
      const a = m[rk][c]
      const b = m[i][c]
      let g = 0n
      m[i] = m[i].map((v, j) => {
        const w = v * a - m[rk][j] * b
        g = gcd(g, w)
        return w
      })
      if (g > 1n) m[i] = m[i].map((v) => v / g)
    }
    rk++
  }
  return rk
}

/** Subsets of 0…R−1 with 1 to maxSize elements. */
export function smallSubsets(R: number, maxSize: number): number[][] {
  const out: number[][] = []
  const walk = (start: number, acc: number[]) => {
    if (acc.length) out.push([...acc])
    if (acc.length === maxSize) return
    for (let i = start; i < R; i++) walk(i + 1, [...acc, i])
  }
  walk(0, [])
  return out
}

/** A set T that some linear combination of the system's cells isolates (a non-zero combination
 *  vanishing outside T exists exactly when dropping T's columns lowers the rank), or null. */
export function isolatedSet(system: System, R: number, maxSize: number): number[] | null {
  if (system.cells.length === 0) return null
  const rows = system.cells.map((cell) => {
    const v = Array.from({ length: R }, () => 0)
    for (const r of cell.members) v[r] = 1
    return v
  })
  const full = rank(rows)
  for (const T of smallSubsets(R, maxSize)) {
    const outside = rows.map((row) => row.filter((_, j) => !T.includes(j)))
    if (rank(outside) < full) return T
  }
  return null
}
