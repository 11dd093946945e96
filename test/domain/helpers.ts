import type { Form, RespondentRole } from '../../schema/enums'
import { formItems, getInstrument } from '../../schema/instruments'
import type { AnswerValue, Instrument } from '../../schema/instruments'
import type { SubmittedResponse } from '../../worker/domain/types'

export const v1 = getInstrument('v1') as Instrument
export const FULL_IDS = formItems(v1, 'full').map((i) => i.id)
export const SHORT_IDS = formItems(v1, 'short').map((i) => i.id)

/** A response answering every item of the form with `value`, then applying overrides
 *  (undefined in overrides removes the answer: unanswered). */
export function respond(
  value: AnswerValue | undefined,
  overrides: Record<string, AnswerValue | undefined> = {},
  opts: { form?: Form; role?: RespondentRole; unitId?: string | null } = {},
): SubmittedResponse {
  const answers: Record<string, AnswerValue> = {}
  const ids = opts.form === 'short' ? SHORT_IDS : FULL_IDS
  if (value !== undefined) for (const id of ids) answers[id] = value
  for (const [id, v] of Object.entries(overrides)) {
    if (v === undefined) delete answers[id]
    else answers[id] = v
  }
  return { answers, role: opts.role ?? 'staff', unitId: opts.unitId ?? null }
}

/** n copies of the same response. */
export function times(n: number, r: SubmittedResponse): SubmittedResponse[] {
  return Array.from({ length: n }, () => r)
}
