import { createSignal, createUniqueId, type JSX } from 'solid-js'
import { t } from '../../i18n/results'

/**
 * A chart with what makes it usable without sight or a mouse: a visible title, a focusable
 * picture whose accessible name summarises it in words, and a real table holding the same numbers
 * behind a toggle. Print shows the table whatever the toggle says (web/styles/print.css).
 */
export function ChartFrame(props: { title: string; summary: string; chart: JSX.Element; table: JSX.Element; legend?: JSX.Element }) {
  const id = createUniqueId()
  const [open, setOpen] = createSignal(false)
  return (
    <figure class="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} class="chart-title">
        {props.title}
      </figcaption>
      {props.legend}
      <div class="chart-picture" role="img" tabindex="0" aria-label={props.summary}>
        {props.chart}
      </div>
      <button type="button" class="link-button table-toggle" aria-expanded={open()} aria-controls={`${id}-d`} onClick={() => setOpen(!open())}>
        {open() ? t('hideTable') : t('showTable')}
      </button>
      <div id={`${id}-d`} class="chart-table" hidden={!open()}>
        {props.table}
      </div>
    </figure>
  )
}

/** One row of a data table: a row header and its cells, all already formatted as text. */
export interface TableRow {
  head: string
  cells: string[]
}

/** A wide table's scroll box: focusable and named, so keyboard users can scroll it too. */
export function TableWrap(props: { label: string; children: JSX.Element }) {
  return (
    <div class="table-wrap" role="region" tabindex="0" aria-label={props.label}>
      {props.children}
    </div>
  )
}

/** A plain data table with a caption and scoped headers, scrolling sideways on narrow screens. */
export function DataTable(props: { caption: string; columns: string[]; rows: TableRow[] }) {
  return (
    <TableWrap label={props.caption}>
      <table class="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.head}</th>
              {r.cells.map((c) => (
                <td>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  )
}

/** A legend entry: a drawn swatch of the series' line and marker, and its name. */
export function LegendItem(props: { color: string; dash?: string; marker: JSX.Element; label: string }) {
  return (
    <li>
      <svg width="34" height="14" aria-hidden="true" class="legend-swatch">
        <line x1="1" x2="33" y1="7" y2="7" stroke={props.color} stroke-width="2.5" stroke-dasharray={props.dash || undefined} />
        {props.marker}
      </svg>
      {props.label}
    </li>
  )
}
