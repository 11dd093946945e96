import { ApiError } from '../errors'

export interface Cursor {
  createdAt: string
  id: string
}

/** Opaque list cursors: the (createdAt, id) of the last item shown. */
export function encodeCursor(c: Cursor): string {
  return btoa(JSON.stringify([c.createdAt, c.id])).replace(/=+$/, '')
}

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined
  try {
    const [createdAt, id] = JSON.parse(atob(text)) as [string, string]
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id }
  } catch {
    /* fall through to the 400 */
  }
  throw new ApiError('VALIDATION_FAILED', { sv: 'Ogiltig cursor.', en: 'Invalid cursor.' }, { errors: [{ path: '/cursor', message: 'Invalid cursor' }] })
}

/** Cuts a `limit + 1` result into a page and the next cursor. */
export function toPage<R extends Cursor, T>(rows: R[], limit: number, map: (r: R) => T) {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { items: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
}
