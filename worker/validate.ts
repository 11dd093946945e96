import type { Context, MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import { bodyLimit } from 'hono/body-limit'
import type { $ZodType, output, input } from 'zod/v4/core'
import type { AppEnv } from './env'
import { ApiError, type FieldError } from './errors'
import { issueMessage, jsonPointer, type IssueLike } from './lib/validation-messages'
import type { Lang } from '../schema/enums'

export const MAX_JSON_BYTES = 1024 * 1024
export const MAX_CSV_BYTES = 5 * 1024 * 1024

type Safe = { safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: IssueLike[] } } }

/** Runs a zod schema and turns its issues into our 400 with JSON Pointer paths (sv/en). */
export function parseOrThrow<S extends $ZodType>(schema: S, value: unknown, lang: Lang, prefix: PropertyKey[] = []): output<S> {
  const result = (schema as unknown as Safe).safeParse(value)
  if (result.success) return result.data as output<S>
  throw validationError(result.error.issues, lang, prefix)
}

export function validationError(issues: IssueLike[], lang: Lang, prefix: PropertyKey[] = []): ApiError {
  const errors: FieldError[] = []
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      for (const key of issue.keys) errors.push({ path: jsonPointer([...prefix, ...issue.path, key]), message: issueMessage(issue, lang) })
    } else {
      errors.push({ path: jsonPointer([...prefix, ...issue.path]), message: issueMessage(issue, lang) })
    }
  }
  return new ApiError('VALIDATION_FAILED', { sv: 'Begäran innehåller ogiltiga uppgifter.', en: 'The request contains invalid data.' }, { errors })
}

const badJson = () =>
  new ApiError('VALIDATION_FAILED', { sv: 'Kroppen är inte giltig JSON.', en: 'The body is not valid JSON.' }, { errors: [{ path: '', message: 'Malformed JSON' }] })

function mediaType(c: Context): string {
  return (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase()
}

/**
 * Reads the raw body within a byte cap (413 above it). hono's bodyLimit refuses a Content-Length
 * over the cap unread and stops pulling a chunked body at the cap, so a 30 MB upload costs at
 * most the cap in memory and time; it runs here, after the access checks, to keep the precedence.
 */
async function readCapped(c: Context, cap: number): Promise<string> {
  const tooLarge = () => new ApiError('PAYLOAD_TOO_LARGE', { sv: `Kroppen får vara högst ${cap} byte.`, en: `The body may be at most ${cap} bytes.` })
  await bodyLimit({ maxSize: cap, onError: () => Promise.reject(tooLarge()) })(c, async () => {})
  const buffer = await c.req.arrayBuffer()
  if (buffer.byteLength > cap) throw tooLarge()
  return new TextDecoder().decode(buffer)
}

function hasBody(c: Context): boolean {
  const length = c.req.header('Content-Length')
  if (length !== undefined) return Number(length) > 0
  return c.req.raw.body !== null
}

export type BodyOf<S extends $ZodType> = { kind: 'json'; data: output<S> } | { kind: 'csv'; text: string }

/**
 * Reads a body in the documented precedence: 413 (size) → 415 (media type) → 400 (JSON, schema).
 * A request without a body needs no media type: it is validated as `{}` against the schema.
 */
export async function readBody<S extends $ZodType>(c: Context<AppEnv>, schema: S, opts: { csv?: boolean } = {}): Promise<BodyOf<S>> {
  const lang = c.get('lang')
  const type = mediaType(c)
  const csv = opts.csv && type === 'text/csv'
  const present = hasBody(c)
  const text = present ? await readCapped(c, csv ? MAX_CSV_BYTES : MAX_JSON_BYTES) : ''
  if (csv) return { kind: 'csv', text }
  if (text.length === 0 && !type) return { kind: 'json', data: parseOrThrow(schema, {}, lang) }
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    const accepted = opts.csv ? 'application/json, text/csv' : 'application/json'
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', { sv: `Mediatypen stöds inte; använd ${accepted}.`, en: `Unsupported media type; use ${accepted}.` })
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw badJson()
  }
  return { kind: 'json', data: parseOrThrow(schema, value, lang) }
}

/** The one validation wrapper: `validate('json' | 'query' | 'param', Schema)` with uniform 400s. */
export function validate<T extends 'json' | 'query' | 'param', S extends $ZodType>(
  target: T,
  schema: S,
): MiddlewareHandler<AppEnv, string, { in: { [K in T]: input<S> }; out: { [K in T]: output<S> } }> {
  if (target === 'json') {
    return (async (c, next) => {
      const body = await readBody(c, schema)
      if (body.kind !== 'json') throw badJson()
      c.req.addValidatedData('json', body.data as object)
      await next()
    }) as MiddlewareHandler
  }
  return validator(target as 'query', (value, c) => parseOrThrow(schema, value, (c as Context<AppEnv>).get('lang'))) as unknown as MiddlewareHandler
}
