import { sql } from 'drizzle-orm'
import type { Db } from './client'

/**
 * Counts one hit in a fixed window and returns the new count and when the window ends, in one
 * upsert (written only on the sign-in path, never per respondent request).
 */
export async function hitFixedWindow(db: Db, key: string, windowSeconds: number, nowMs: number): Promise<{ count: number; resetsInSeconds: number }> {
  const windowStart = Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds
  const row = await db.get<{ count: number }>(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
      window_start = excluded.window_start
    RETURNING count`)
  return { count: row.count, resetsInSeconds: windowStart + windowSeconds - Math.floor(nowMs / 1000) }
}
