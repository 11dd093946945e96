/** Rows read and written by the statements of one request, summed from D1's `meta`. */
export interface RowCounter {
  rowsRead: number
  rowsWritten: number
}

type Meta = { meta?: { rows_read?: number; rows_written?: number } }

function add(counter: RowCounter, result: Meta) {
  counter.rowsRead += result.meta?.rows_read ?? 0
  counter.rowsWritten += result.meta?.rows_written ?? 0
}

/**
 * raw() carries no meta, so rows are read through all() and turned into arrays, as drizzle's own
 * batch mapping does (column order is the SELECT order). A join repeats column names (`id` of two
 * tables) and all() keeps only one of each, so a SELECT is read as `SELECT * FROM (…)`, for which
 * SQLite names repeats apart (`id`, `id:1`) without changing what is read.
 */
async function rawThroughAll(d1: D1Database, sql: string, values: unknown[], counter: RowCounter): Promise<unknown[][]> {
  const select = /^\s*(select|with)\b/i.test(sql)
  const stmt = d1.prepare(select ? `SELECT * FROM (${sql})` : sql).bind(...values)
  const result = await stmt.all<Record<string, unknown>>()
  add(counter, result)
  return result.results.map((row) => Object.values(row))
}

function wrapStatement(d1: D1Database, sql: string, values: unknown[], counter: RowCounter): D1PreparedStatement {
  const stmt = d1.prepare(sql).bind(...values)
  const wrapped = {
    bind: (...next: unknown[]) => wrapStatement(d1, sql, next, counter),
    async all() {
      const result = await stmt.all()
      add(counter, result)
      return result
    },
    async run() {
      const result = await stmt.run()
      add(counter, result)
      return result
    },
    async first(column?: string) {
      const result = await stmt.all<Record<string, unknown>>()
      add(counter, result)
      const row = result.results[0]
      if (!row) return null
      return column ? row[column] : row
    },
    raw: () => rawThroughAll(d1, sql, values, counter),
    /** The real statement, for batch(). */
    __inner: stmt,
  }
  return wrapped as unknown as D1PreparedStatement
}

/**
 * A D1 binding that counts `meta.rows_read` / `rows_written` of everything run through it. Used
 * only when a non-production request asks for it (X-Count-Rows), to check rows-read budgets from
 * tests and benchmarks; production never pays for it.
 */
export function countingD1(d1: D1Database, counter: RowCounter): D1Database {
  return new Proxy(d1, {
    get(target, prop, receiver) {
      if (prop === 'prepare') return (sql: string) => wrapStatement(target, sql, [], counter)
      if (prop === 'batch')
        return async (statements: D1PreparedStatement[]) => {
          const inner = statements.map((s) => (s as unknown as { __inner?: D1PreparedStatement }).__inner ?? s)
          const results = await target.batch(inner)
          for (const r of results) add(counter, r)
          return results
        }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
