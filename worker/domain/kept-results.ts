import type { Form } from '../../schema/enums'
import type { AnyResponse } from './types'
import { MAX_K } from './results'
import { computeStoredResults, type StoredResults } from './snapshot'

/** One kept body of a closed round and the k values (inclusive) it is published for. */
export interface KeptResults {
  kFrom: number
  kTo: number
  n: number
  body: string | null
}

/**
 * What a closed round keeps instead of its answers (model.md §4): the published body for every
 * k from its k at close up to MAX_K, each distinct body once with its k range. The differencing
 * suppression needs who is in which cell, which sums cannot give back; these bodies are the
 * publisher's own output, so any later k reads exactly what the answers would have given.
 */
export function keepResults(version: string, form: Form, kAtClose: number, responses: AnyResponse[]): KeptResults[] {
  const kept: KeptResults[] = []
  for (let k = kAtClose; k <= MAX_K; k++) {
    const { n, body } = computeStoredResults(version, form, k, responses)
    const last = kept.at(-1)
    if (last && last.body === body) last.kTo = k
    else kept.push({ kFrom: k, kTo: k, n, body })
    // Below the threshold nothing is published, and a higher k publishes nothing either.
    if (body === null) {
      kept[kept.length - 1].kTo = MAX_K
      break
    }
  }
  return kept
}

/** The stored results of a closed round at k, from its kept bodies: the body whose range holds
 *  k (never below the k at close, the first range's start); undefined when nothing was kept. */
export function resultsAt(kept: readonly KeptResults[], k: number): StoredResults | undefined {
  if (kept.length === 0) return undefined
  const at = Math.max(k, Math.min(...kept.map((r) => r.kFrom)))
  const row = kept.find((r) => r.kFrom <= at && at <= r.kTo)
  if (!row) throw new Error(`no kept results for k = ${at}`)
  return { k, n: row.n, body: row.body }
}
