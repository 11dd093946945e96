import * as z from 'zod/mini'
import { ASSESSMENT_STATUSES, FORMS, LANGS } from '../enums'
import { msg } from './common'

const Local = z.object({ sv: z.string(), en: z.string() })

/** A stored answer: 1…6 or "dont_know". */
export const AnswerValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal('dont_know')])

const AnswerOrNull = z.union([AnswerValue, z.null()], { error: msg('Ett svar är 1–6, "dont_know" eller null.', 'An answer is 1–6, "dont_know" or null.') })

export const RespondParams = z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)) })

/** A merge patch of answers: null clears an item (RFC 7396, as SQLite's json_patch). */
export const SaveAnswers = z.strictObject({ answers: z.record(z.string().check(z.maxLength(20)), AnswerOrNull) })
export type SaveAnswers = z.infer<typeof SaveAnswers>

export const SavedAnswers = z.object({ answers: z.record(z.string(), AnswerValue), answeredCount: z.number(), totalCount: z.number() })

export const Survey = z.object({
  organisation: z.object({ name: z.string() }),
  assessment: z.object({ name: z.string(), status: z.enum(ASSESSMENT_STATUSES), closesAt: z.nullable(z.string()), form: z.enum(FORMS), language: z.enum(LANGS) }),
  items: z.array(z.object({ id: z.string(), factorId: z.string(), text: Local })),
  scale: z.array(z.object({ value: AnswerValue, label: Local })),
  answers: z.record(z.string(), AnswerValue),
  submittedAt: z.nullable(z.string()),
})

export const Submitted = z.object({ submittedAt: z.string() })
