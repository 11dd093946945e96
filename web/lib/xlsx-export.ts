// Loaded with import() only when the XLSX button is pressed: it pulls in write-excel-file (and
// fflate beneath it), which the dashboard itself never needs.
import writeXlsxFile from 'write-excel-file/browser'
import type { Results, Score } from '../data/results'
import type { Participation as ParticipationCounts } from '../data/rounds'
import { t } from '../i18n/results'

type Cell = string | number | null
const HEAD = { fontWeight: 'bold' as const }

/** Percent cells keep full precision (the spreadsheet formats them); a hidden score is empty. */
function scoreRows(scores: Score[], name: (id: string) => string): Cell[][] {
  return scores.map((s) => [s.id, name(s.id), s.percent, s.ci?.[0] ?? null, s.ci?.[1] ?? null, s.n, s.suppressed ? (s.hidden === 'differencing' ? t('hiddenDifferencing') : t('yes')) : null])
}

function countCells(row: ParticipationCounts['byRole'][number] | ParticipationCounts['byUnit'][number]): Cell[] {
  return 'suppressed' in row ? [null, null, null, null] : [row.invited, row.started, row.submitted, row.rate]
}

function sheet(title: string, head: string[], rows: Cell[][]) {
  return {
    sheet: title.slice(0, 31),
    data: [head.map((value) => ({ value, ...HEAD })), ...rows.map((r) => r.map((value) => (value === null ? null : { value })))],
    columns: head.map((_, i) => ({ width: i === 1 ? 40 : 16 })),
  }
}

/**
 * Writes the results as an .xlsx file with one sheet per level (overall, dimensions, categories,
 * factors) and one for participation, and hands it to the browser as a download.
 */
export async function downloadXlsx(input: {
  results: Results
  participation?: ParticipationCounts
  name: (id: string) => string
  roleName: (role: string) => string
  unitName: (id: string | null) => string
  filename: string
}) {
  const { results, participation, name } = input
  const head = [t('colId'), t('colName'), t('colPercent'), t('colLow'), t('colHigh'), t('colN'), t('colSuppressed')]
  const counts = [t('colInvited'), t('colStarted'), t('colSubmitted'), t('colRate')]
  const sheets = [
    sheet(t('sheetOverall'), head, scoreRows([results.overall], name)),
    sheet(t('sheetDimensions'), head, scoreRows(results.dimensions, name)),
    sheet(t('sheetCategories'), head, scoreRows(results.categories, name)),
    sheet(t('sheetFactors'), head, scoreRows(results.factors, name)),
  ]
  if (participation) {
    const p = participation
    sheets.push(
      sheet(t('sheetParticipation'), [t('colGroup'), t('colName'), ...counts], [
        [t('total'), '', p.invited, p.started, p.submitted, p.rate],
        // A group below the threshold has no counts: its cells stay empty, as a hidden score's do.
        ...p.byRole.map((r) => [t('colRole'), input.roleName(r.role), ...countCells(r)]),
        ...p.byUnit.map((u) => [t('colUnit'), input.unitName(u.unitId), ...countCells(u)]),
      ]),
    )
  }
  await writeXlsxFile(sheets as Parameters<typeof writeXlsxFile>[0] & unknown[]).toFile(input.filename)
}
