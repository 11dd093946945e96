import type { Context } from 'hono'
import type { ErrorCode, Lang } from '../schema/enums'
import type { AppEnv } from './env'

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  MISCONFIGURED: 503,
}

const TITLES: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: { sv: 'Ogiltiga uppgifter', en: 'Validation failed' },
  UNAUTHENTICATED: { sv: 'Inloggning krävs', en: 'Authentication required' },
  FORBIDDEN: { sv: 'Åtkomst nekad', en: 'Forbidden' },
  NOT_FOUND: { sv: 'Hittades inte', en: 'Not found' },
  CONFLICT: { sv: 'Konflikt', en: 'Conflict' },
  PRECONDITION_FAILED: { sv: 'Förutsättning saknas', en: 'Precondition failed' },
  PAYLOAD_TOO_LARGE: { sv: 'För stor begäran', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { sv: 'Mediatypen stöds inte', en: 'Unsupported media type' },
  RATE_LIMITED: { sv: 'För många förfrågningar', en: 'Too many requests' },
  INTERNAL: { sv: 'Internt fel', en: 'Internal error' },
  MISCONFIGURED: { sv: 'Tjänsten är felkonfigurerad', en: 'Service misconfigured' },
}

/** A detail in both languages; a plain string is used for both. */
export type Text = string | Record<Lang, string>

export interface FieldError {
  path: string
  message: string
}

/** The one error type of the API: carries a code from the closed list and is rendered by onError. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detailText: Text,
    readonly extra: { reason?: string; errors?: FieldError[]; retryAfter?: number; missing?: string[] } = {},
  ) {
    super(typeof detailText === 'string' ? detailText : detailText.en)
  }
  get status() {
    return STATUS[this.code]
  }
}

/** Picks sv or en from Accept-Language (Swedish unless English is preferred over it). */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'sv'
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, index }
    })
    .filter((entry) => (entry.tag === 'sv' || entry.tag === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return ranked[0]?.tag === 'en' ? 'en' : 'sv'
}

export function textIn(text: Text, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang]
}

/** Renders any ApiError as RFC 9457 problem+json in the caller's language. */
export function problemResponse(err: ApiError, lang: Lang, requestId: string): Response {
  const body: Record<string, unknown> = {
    type: `https://mognad.se/problems/${err.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[err.code][lang],
    status: err.status,
    detail: textIn(err.detailText, lang),
    code: err.code,
  }
  if (err.extra.reason) body.reason = err.extra.reason
  if (err.extra.errors) body.errors = err.extra.errors
  if (err.extra.missing) body.missing = err.extra.missing
  const headers = new Headers({ 'Content-Type': 'application/problem+json; charset=utf-8', 'X-Request-Id': requestId })
  if (err.extra.retryAfter !== undefined) headers.set('Retry-After', String(Math.max(1, Math.ceil(err.extra.retryAfter))))
  return new Response(JSON.stringify(body), { status: err.status, headers })
}

/** The one onError: ApiErrors as they are, anything else logged and answered as a generic 500. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? crypto.randomUUID()
  const lang = c.get('lang') ?? pickLang(c.req.header('Accept-Language'))
  if (err instanceof ApiError) return problemResponse(err, lang, requestId)
  console.error(JSON.stringify({ requestId, error: String(err), stack: err?.stack }))
  return problemResponse(
    new ApiError('INTERNAL', { sv: 'Ett oväntat fel inträffade.', en: 'An unexpected error occurred.' }),
    lang,
    requestId,
  )
}
