import type { z } from 'zod/mini'
import type { Unit as UnitSchema } from '../../schema/api/members'
import { api } from '../lib/api'
import { orgPath } from './organisations'

export type Unit = z.infer<typeof UnitSchema>

/** All units (the API answers the whole tree, up to 200, in one page). */
export async function listUnits(slug: string) {
  return (await api<{ items: Unit[] }>('GET', `${orgPath(slug)}/units`)).items
}

/** Unit names by id for labelling a breakdown; empty when the list cannot be read (the ids stay readable). */
export function getUnitNames(slug: string): Promise<Map<string, string>> {
  return listUnits(slug).then(
    (units) => new Map(units.map((u) => [u.id, u.name])),
    () => new Map(),
  )
}

export function createUnit(slug: string, name: string, parentId: string | null) {
  return api<Unit>('POST', `${orgPath(slug)}/units`, { name, parentId })
}

export function updateUnit(slug: string, id: string, patch: { name?: string; parentId?: string | null }) {
  return api<Unit>('PATCH', `${orgPath(slug)}/units/${encodeURIComponent(id)}`, patch)
}

export function deleteUnit(slug: string, id: string) {
  return api<void>('DELETE', `${orgPath(slug)}/units/${encodeURIComponent(id)}`)
}

/** Children by parent id (null for the top level), each list sorted by name. */
export function childrenOf(units: Unit[]): Map<string | null, Unit[]> {
  const map = new Map<string | null, Unit[]>()
  const ids = new Set(units.map((u) => u.id))
  for (const u of units) {
    // A parent outside the list cannot be drawn; show such a unit at the top rather than lose it.
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null
    map.set(key, [...(map.get(key) ?? []), u])
  }
  for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'sv'))
  return map
}

/** The ids of a unit and everything below it: none of them can become its new parent. */
export function subtreeIds(tree: Map<string | null, Unit[]>, id: string): Set<string> {
  const out = new Set<string>([id])
  const stack = [id]
  while (stack.length) {
    for (const child of tree.get(stack.pop()!) ?? []) {
      if (out.has(child.id)) continue
      out.add(child.id)
      stack.push(child.id)
    }
  }
  return out
}
