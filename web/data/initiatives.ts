import type { z } from 'zod/mini'
import type { CreateInitiative, Initiative as InitiativeSchema, PatchInitiative } from '../../schema/api/initiatives'
import { allPages, api } from '../lib/api'
import { orgPath } from './organisations'

export type Initiative = z.infer<typeof InitiativeSchema>
export type InitiativeInput = z.input<typeof CreateInitiative>
export type InitiativePatch = z.input<typeof PatchInitiative>

const base = (slug: string) => `${orgPath(slug)}/initiatives`

/** Every initiative (pages of 200 followed to the end), newest first. */
export const listInitiatives = (slug: string) => allPages<Initiative>(base(slug))

export function getInitiative(slug: string, id: string) {
  return api<Initiative>('GET', `${base(slug)}/${encodeURIComponent(id)}`)
}

export function createInitiative(slug: string, input: InitiativeInput) {
  return api<Initiative>('POST', base(slug), input)
}

/** A JSON merge patch: lists replace whole, null clears. */
export function updateInitiative(slug: string, id: string, patch: InitiativePatch) {
  return api<Initiative>('PATCH', `${base(slug)}/${encodeURIComponent(id)}`, patch)
}

export function deleteInitiative(slug: string, id: string) {
  return api<void>('DELETE', `${base(slug)}/${encodeURIComponent(id)}`)
}
