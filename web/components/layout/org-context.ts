import { createContext, useContext } from 'solid-js'
import type { Org } from '../../data/organisations'

/** The organisation the pages below /o/:slug work in, loaded once by its layout. */
export interface OrgState {
  slug: string
  org: () => Org
  setOrg: (org: Org) => void
  /** Owners and admins manage; analysts read (the API enforces it, the UI only explains it). */
  canManage: () => boolean
}

export const OrgContext = createContext<OrgState>()

export function useOrg(): OrgState {
  const state = useContext(OrgContext)
  if (!state) throw new Error('useOrg outside an organisation layout')
  return state
}
