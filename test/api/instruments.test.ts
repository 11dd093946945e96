import { describe, expect, it } from 'vitest'
import tsv from '../../schema/instruments/items-v1.tsv?raw'
import { call, json } from '../helpers/http'

const rows = tsv
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split('\t'))

describe('GET /api/v1/instruments/:version', () => {
  it('serves v1 exactly as the item data: 2 dimensions, 6 categories, 26 factors, 78 items', async () => {
    const res = await call('/api/v1/instruments/v1')
    expect(res.status).toBe(200)
    const inst = await json(res)
    expect(inst.version).toBe('v1')
    expect(inst.dimensions.map((d: { id: string }) => d.id)).toEqual(['DF', 'DA'])
    const categories = inst.dimensions.flatMap((d: any) => d.categories)
    expect(categories.map((c: { id: string }) => c.id)).toEqual(['EFF', 'INN', 'BAL', 'ORG', 'USR', 'TEK'])
    const factors = categories.flatMap((c: any) => c.factors)
    expect(factors).toHaveLength(26)
    expect(factors[0].name).toEqual({ sv: 'Strategisk koppling', en: 'Strategic alignment' })
    const items = factors.flatMap((f: any) => f.items.map((i: any) => [i.id, f.id, i.text.sv, i.text.en, i.shortForm]))
    expect(items.map((i: unknown[]) => i.slice(0, 4))).toEqual(rows)
    expect(items.filter((i: unknown[]) => i[4]).map((i: unknown[]) => i[0])).toEqual(rows.filter((r) => r[0].endsWith('.1')).map((r) => r[0]))
    expect(inst.scale.map((s: { value: unknown }) => s.value)).toEqual([1, 2, 3, 4, 5, 6, 'dont_know'])
    expect(inst.scale[6].label).toEqual({ sv: 'Vet ej', en: "Don't know" })
  })

  it('lists the versions oldest first and answers 404 for an unknown one', async () => {
    const list = await json(await call('/api/v1/instruments'))
    expect(list.items.map((i: { version: string }) => i.version)).toEqual(['v1'])
    const res = await call('/api/v1/instruments/v9')
    expect(res.status).toBe(404)
    expect((await json(res)).code).toBe('NOT_FOUND')
  })
})
