import type { Bindings } from '../../env'
import { hmac, sha256 } from '../../lib/crypto'
import { respondentToken } from '../mail/links'

/** The lookup form of a respondent token: only this hash is stored (respondents.token_hash). */
export function tokenHash(token: string): Promise<string> {
  return sha256(token)
}

/**
 * The key of a respondent's answer row: HMAC(ANSWER_KEY_SECRET, token). Without both secrets a
 * copy of the database cannot join answers to respondents (the token itself is never stored).
 */
export function answerKey(env: Bindings, token: string): Promise<string> {
  return hmac(env.ANSWER_KEY_SECRET, `answers:${token}`)
}

/** Token hashes for new respondents, computed in parallel (5,000 fit comfortably in a request). */
export async function tokenHashesOf(env: Bindings, ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => tokenHash(await respondentToken(env, id))))
}
