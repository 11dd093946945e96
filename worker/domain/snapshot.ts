import type { Form, RespondentRole } from '../../schema/enums'
import { RESPONDENT_ROLES } from '../../schema/enums'
import { formItems, getInstrument, type AnswerValue } from '../../schema/instruments'
import type { AnyResponse } from './types'
import { hasResults } from './results'
import { publishRound } from './disclosure/publish'

/**
 * The frozen form of a closed round's submitted responses. Each response is one short string:
 * one character per item of the form in instrument order ('1'…'6', 'x' for don't know, '.' for
 * unanswered), then `|role|unitId`. The strings are sorted, so no order (of submission or of
 * keys) survives, and packed into chunks under 1 MB (a D1 row stays well below its limit).
 */
const MAX_CHUNK_BYTES = 900_000
const DONT_KNOW = 'x'
const NONE = '.'

interface Chunk {
  items: string[]
  rows: string[]
}

function encodeOne(items: string[], answers: Record<string, unknown>, role: string, unitId: string | null): string {
  let chars = ''
  for (const id of items) {
    const v = answers[id]
    chars += v === 'dont_know' ? DONT_KNOW : typeof v === 'number' && v >= 1 && v <= 6 ? String(v) : NONE
  }
  return `${chars}|${role}|${unitId ?? ''}`
}

/** Encodes submitted rows (answers as stored JSON) into snapshot chunks; always at least one. */
export function encodeSnapshot(version: string, form: Form, rows: { answers: string; role: string; unitId: string | null }[]): string[] {
  const instrument = getInstrument(version)
  if (!instrument) throw new Error(`unknown instrument ${version}`)
  const items = formItems(instrument, form).map((i) => i.id)
  const strings = rows.map((r) => encodeOne(items, JSON.parse(r.answers) as Record<string, unknown>, r.role, r.unitId)).sort()
  const chunks: string[] = []
  let current: string[] = []
  let size = 0
  const flush = () => {
    chunks.push(JSON.stringify({ items, rows: current } satisfies Chunk))
    current = []
    size = 0
  }
  for (const s of strings) {
    if (current.length && size + s.length + 3 > MAX_CHUNK_BYTES) flush()
    current.push(s)
    size += s.length + 3
  }
  if (current.length || chunks.length === 0) flush()
  return chunks
}

/**
 * Decodes snapshot chunks into the engine's responses. The characters are already the engine's
 * compact form (one per form item, 'x' for don't know), so they are handed over as they are when
 * the chunk's items are the form's; otherwise each answer is placed by its item id.
 */
export function decodeSnapshot(chunks: string[], formItemIds?: readonly string[]): AnyResponse[] {
  const out: AnyResponse[] = []
  for (const text of chunks) {
    const { items, rows } = JSON.parse(text) as Chunk
    const aligned = formItemIds !== undefined && items.length === formItemIds.length && items.every((id, i) => id === formItemIds[i])
    for (const row of rows) {
      const [chars, role, unit] = row.split('|')
      if (!(RESPONDENT_ROLES as readonly string[]).includes(role)) throw new Error('corrupt snapshot row')
      const who = { role: role as RespondentRole, unitId: unit ? unit : null }
      if (aligned) {
        out.push({ codes: chars, ...who })
        continue
      }
      const answers: Record<string, AnswerValue> = {}
      for (let i = 0; i < items.length; i++) {
        const ch = chars[i]
        if (ch === DONT_KNOW) answers[items[i]] = 'dont_know'
        else if (ch >= '1' && ch <= '6') answers[items[i]] = Number(ch) as AnswerValue
      }
      out.push({ answers, ...who })
    }
  }
  return out
}

/** The item ids of a round's form, in instrument order (what snapshot characters line up with). */
export function formItemIds(version: string, form: Form): string[] {
  const instrument = getInstrument(version)
  if (!instrument) throw new Error(`unknown instrument ${version}`)
  return formItems(instrument, form).map((i) => i.id)
}

/** What the results row stores: everything the results endpoint answers, for one k. */
export interface StoredResults {
  k: number
  n: number
  /** null below the threshold: nothing is computed that could later leak. */
  body: string | null
}

/** Computes a round's published cells (results and every breakdown, suppressed as one system)
 *  for threshold k from its responses: what every reader of the round reads. */
export function computeStoredResults(version: string, form: Form, k: number, responses: AnyResponse[]): StoredResults {
  const instrument = getInstrument(version)
  if (!instrument) throw new Error(`unknown instrument ${version}`)
  const n = responses.length
  if (!hasResults(n, k)) return { k, n, body: null }
  return { k, n, body: JSON.stringify(publishRound(instrument, form, k, responses)) }
}
