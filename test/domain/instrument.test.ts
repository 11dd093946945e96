import { describe, it, expect } from 'vitest'
import projectTsv from '../../schema/instruments/items-v1.tsv?raw'
import {
  INSTRUMENTS,
  LATEST_INSTRUMENT_VERSION,
  allFactors,
  formItems,
  getInstrument,
  scoreIds,
} from '../../schema/instruments'
import type { Instrument } from '../../schema/instruments'

/** The shared copy lives outside the repo (../shared from the repo root); absent in some checkouts. */
const sharedTsv = import.meta.glob('../../../shared/domain/items-v1.tsv', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>

const v1 = getInstrument('v1') as Instrument

function parseTsv(tsv: string): string[][] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(1)
    .map((l) => l.replace(/\r$/, '').split('\t'))
}

function instrumentRows(instrument: Instrument): string[][] {
  return allFactors(instrument).flatMap((f) => f.items.map((i) => [i.id, f.id, i.text.sv, i.text.en]))
}

describe('instrument v1', () => {
  it('is listed, latest and found by version', () => {
    expect(INSTRUMENTS.map((i) => i.version)).toEqual(['v1'])
    expect(LATEST_INSTRUMENT_VERSION).toBe('v1')
    expect(getInstrument('v0')).toBeUndefined()
  })

  it('matches the project copy of items-v1.tsv exactly, in order', () => {
    expect(instrumentRows(v1)).toEqual(parseTsv(projectTsv))
  })

  it('matches the shared items-v1.tsv when that file exists', () => {
    const shared = Object.values(sharedTsv)
    if (shared.length > 0) expect(instrumentRows(v1)).toEqual(parseTsv(shared[0]))
    expect(projectTsv.length).toBeGreaterThan(0)
  })

  it('has 2 dimensions, 6 categories, 26 factors, 78 items and a 26-item short form', () => {
    expect(v1.dimensions.map((d) => d.id)).toEqual(['DF', 'DA'])
    expect(v1.dimensions.flatMap((d) => d.categories.map((c) => c.id))).toEqual([
      'EFF', 'INN', 'BAL', 'ORG', 'USR', 'TEK',
    ])
    const factors = allFactors(v1)
    expect(factors.map((f) => f.id)).toEqual([
      'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'I1', 'I2', 'I3', 'I4', 'I5', 'I6',
      'B1', 'B2', 'B3', 'B4', 'B5', 'O1', 'O2', 'U1', 'U2', 'T1', 'T2', 'T3', 'T4',
    ])
    expect(formItems(v1, 'full')).toHaveLength(78)
    const short = formItems(v1, 'short')
    expect(short).toHaveLength(26)
    expect(short.every((i) => i.id === `${i.factorId}.1` && i.shortForm)).toBe(true)
    for (const f of factors) expect(f.items.map((i) => i.id)).toEqual([1, 2, 3].map((n) => `${f.id}.${n}`))
    expect(scoreIds(v1)).toHaveLength(1 + 2 + 6 + 26)
  })

  it('names levels exactly as docs/model.md', () => {
    expect(v1.dimensions[0].name).toEqual({ sv: 'Digital förmåga', en: 'Digital capability' })
    expect(v1.dimensions[1].name).toEqual({ sv: 'Digitalt arv', en: 'Digital legacy' })
    const u2 = allFactors(v1).find((f) => f.id === 'U2')
    expect(u2?.name).toEqual({ sv: 'Samverkan verksamhet–IT', en: 'Business–IT collaboration' })
  })

  it('serialises to the API shape with the 6-point scale plus dont_know', () => {
    const json = JSON.parse(JSON.stringify(v1))
    expect(Object.keys(json).sort()).toEqual(['dimensions', 'scale', 'version'])
    expect(json.scale.map((s: { value: unknown }) => s.value)).toEqual([1, 2, 3, 4, 5, 6, 'dont_know'])
    expect(json.scale[6].label).toEqual({ sv: 'Vet ej', en: "Don't know" })
    expect(Object.keys(json.dimensions[0].categories[0].factors[0].items[0]).sort()).toEqual([
      'id', 'shortForm', 'text',
    ])
  })
})
