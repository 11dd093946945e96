import type { z } from 'zod/mini'
import type { AnswerValue, SavedAnswers, Submitted, Survey as SurveySchema } from '../../schema/api/respond'
import { api } from '../lib/api'
import type { Patch } from '../lib/save-queue'

export type Survey = z.infer<typeof SurveySchema>
export type Answer = z.infer<typeof AnswerValue>
export type Answers = Record<string, Answer>
export type SurveyItem = Survey['items'][number]

const path = (token: string) => `/respond/${encodeURIComponent(token)}`

/** The survey, the respondent's saved answers and whether they submitted. */
export function getSurvey(token: string) {
  return api<Survey>('GET', path(token))
}

/** Merges a patch into the saved answers (null clears an item); answers with all of them. */
export function saveAnswers(token: string, answers: Patch<Answer>) {
  return api<z.infer<typeof SavedAnswers>>('PUT', `${path(token)}/answers`, { answers })
}

export function submitAnswers(token: string) {
  return api<z.infer<typeof Submitted>>('POST', `${path(token)}/submit`)
}

/**
 * Unsent changes survive a reload (offline, a closed tab) in this browser only, keyed by a hash
 * of the token so the link itself is not written to storage in clear.
 */
export async function pendingStore(token: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  const key = `mognad.respond.${[...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
  return {
    load(): Patch<Answer> {
      try {
        const value = JSON.parse(localStorage.getItem(key) ?? '{}') as unknown
        return value && typeof value === 'object' && !Array.isArray(value) ? (value as Patch<Answer>) : {}
      } catch {
        return {}
      }
    },
    store(pending: Patch<Answer>) {
      try {
        if (Object.keys(pending).length) localStorage.setItem(key, JSON.stringify(pending))
        else localStorage.removeItem(key)
      } catch {
        // Storage can be disabled: the changes are still kept in memory and retried.
      }
    },
  }
}

/** The items split into pages, one category (the factor id's letter) per page, in instrument order. */
export function pagesOf(items: readonly SurveyItem[]): { letter: string; items: SurveyItem[] }[] {
  const pages: { letter: string; items: SurveyItem[] }[] = []
  for (const item of items) {
    const letter = item.factorId.charAt(0)
    const last = pages[pages.length - 1]
    if (last && last.letter === letter) last.items.push(item)
    else pages.push({ letter, items: [item] })
  }
  return pages
}

/** Minutes a form takes, as a range: roughly 8–12 seconds a statement. */
export function minutesFor(count: number): { min: number; max: number } {
  return { min: Math.max(1, Math.round((count * 7.5) / 60)), max: Math.max(2, Math.ceil((count * 11.5) / 60)) }
}
