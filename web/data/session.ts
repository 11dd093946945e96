import { createSignal } from 'solid-js'
import type { z } from 'zod/mini'
import type { Me } from '../../schema/api/auth'
import { api, ApiProblem } from '../lib/api'

export type Session = z.infer<typeof Me>

// undefined: not asked yet; null: signed out.
const [me, setMe] = createSignal<Session | null | undefined>(undefined)
export { me, setMe }

/** Asks who is signed in; a 401 simply means nobody. */
export async function loadSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('GET', '/auth/me')
    setMe(session)
    return session
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 401) {
      setMe(null)
      return null
    }
    throw err
  }
}

export function requestSignInLink(email: string) {
  return api<void>('POST', '/auth/sign-in-link', { email })
}

export async function verifySignIn(token: string): Promise<Session> {
  const session = await api<Session>('POST', '/auth/verify', { token })
  setMe(session)
  return session
}

export async function signOut() {
  await api<void>('POST', '/auth/logout')
  setMe(null)
}
