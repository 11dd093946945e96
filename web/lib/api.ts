import { lang } from '../i18n'
import { t } from '../i18n/common'

export interface FieldError {
  path: string
  message: string
}

/** An RFC 9457 problem from the API (or a network failure, status 0), ready for the UI. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly reason?: string,
    readonly retryAfter?: number,
  ) {
    super(detail || title)
  }

  /** Messages for one field: its JSON Pointer and anything below it (`/oidc/allowedDomains/0`). */
  fieldError(pointer: string): string | undefined {
    const hits = this.errors.filter((e) => e.path === pointer || e.path.startsWith(`${pointer}/`))
    return hits.length ? hits.map((e) => e.message).join(' ') : undefined
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A raw body sent as it is, with its own type (a CSV file the server parses itself). */
export interface RawBody {
  contentType: string
}

/**
 * Calls /api/v1 with the session cookie (same origin), JSON both ways and the chosen language, so
 * the API's titles, details and field messages come back in it. With `raw`, the body is a string
 * sent as it is under that content type. Throws ApiProblem on any failure.
 */
export async function api<T>(method: Method, path: string, body?: unknown, raw?: RawBody): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang() }
  if (body !== undefined) headers['Content-Type'] = raw?.contentType ?? 'application/json'
  let res: Response
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiProblem(0, 'NETWORK', t('networkError'), t('networkError'))
  }
  if (res.ok) {
    if (res.status === 202 || res.status === 204) return undefined as T
    return (await res.json()) as T
  }
  const type = res.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    const p = (await res.json().catch(() => ({}))) as Partial<{ code: string; title: string; detail: string; errors: FieldError[]; reason: string }>
    const retryAfter = Number(res.headers.get('Retry-After')) || undefined
    const detail = p.code === 'RATE_LIMITED' && retryAfter ? `${p.detail ?? ''} ${t('rateLimited', { seconds: retryAfter })}`.trim() : (p.detail ?? '')
    throw new ApiProblem(res.status, p.code ?? 'INTERNAL', p.title ?? t('unexpected'), detail, p.errors ?? [], p.reason, retryAfter)
  }
  throw new ApiProblem(res.status, 'INTERNAL', t('unexpected'), t('unexpected'))
}

/** Every item of a paged list endpoint, following `nextCursor` in pages of 200 (the maximum). */
export async function allPages<T>(path: string): Promise<T[]> {
  const out: T[] = []
  const sep = path.includes('?') ? '&' : '?'
  let cursor: string | null = null
  do {
    const query: string = `${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const page: { items: T[]; nextCursor: string | null } = await api('GET', path + query)
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/** Turns anything thrown into an ApiProblem, so the UI has one shape to show. */
export function asProblem(err: unknown): ApiProblem {
  return err instanceof ApiProblem ? err : new ApiProblem(0, 'INTERNAL', t('unexpected'), t('unexpected'))
}
