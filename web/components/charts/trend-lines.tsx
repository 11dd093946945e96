import { For, Show } from 'solid-js'
import type { TrendRound } from '../../data/results'
import { formatChange, formatDate, formatNumber, formatPercent } from '../../lib/format'
import { t } from '../../i18n/results'
import { ChartFrame, DataTable, LegendItem } from './chart-frame'
import { GRID, SERIES, markerPath } from './palette'

const W = 520
const H = 280
const PAD = { left: 44, right: 24, top: 14, bottom: 52 }

/**
 * Lines across closed rounds for a few scores (overall and dimensions, or the six categories).
 * Each series has its own colour, dash and marker, and the legend names it; a null value breaks
 * the line rather than dropping it to zero.
 */
export function TrendLines(props: { title: string; rounds: TrendRound[]; ids: string[]; label: (id: string) => string }) {
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const x = (i: number) => PAD.left + (props.rounds.length < 2 ? plotW / 2 : (i / (props.rounds.length - 1)) * plotW)
  const y = (v: number) => PAD.top + plotH - (Math.max(0, Math.min(100, v)) / 100) * plotH
  const value = (r: TrendRound, id: string) => [r.overall, ...r.dimensions, ...r.categories, ...r.factors].find((s) => s.id === id)?.percent ?? null
  /** Path segments between consecutive rounds that both have a value. */
  const line = (id: string) =>
    props.rounds
      .map((r, i) => ({ i, v: value(r, id) }))
      .reduce((d, p, k, all) => (p.v === null ? d : `${d}${k > 0 && all[k - 1].v !== null ? 'L' : 'M'}${x(p.i)} ${y(p.v)}`), '')
  const summary = () =>
    t('trSummary', {
      count: props.rounds.length,
      list: props.ids
        .map((id) => {
          const last = props.rounds.at(-1)
          return `${props.label(id)} ${formatPercent(last ? value(last, id) : null)} (${formatChange(last?.change[id])})`
        })
        .join(', '),
    })
  const chart = (
    <svg viewBox={`0 0 ${W} ${H}`} class="chart-svg trend" aria-hidden="true">
      <For each={[0, 25, 50, 75, 100]}>
        {(v) => (
          <>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke={GRID} stroke-width={v === 50 ? 1.2 : 0.6} />
            <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" class="tick">
              {formatNumber(v)}
            </text>
          </>
        )}
      </For>
      <For each={props.rounds}>
        {(r, i) => (
          <text x={x(i())} y={H - 24} text-anchor={props.rounds.length > 1 && i() === 0 ? 'start' : props.rounds.length > 1 && i() === props.rounds.length - 1 ? 'end' : 'middle'} class="tick">
            <tspan x={x(i())}>{r.name.length > 24 ? `${r.name.slice(0, 23)}…` : r.name}</tspan>
            <tspan x={x(i())} dy="1.2em">
              {formatDate(r.closedAt)}
            </tspan>
          </text>
        )}
      </For>
      <For each={props.ids}>
        {(id, s) => {
          const style = SERIES[s() % SERIES.length]
          return (
            <g>
              <path d={line(id)} fill="none" stroke={style.color} stroke-width="2.5" stroke-dasharray={style.dash || undefined} />
              <For each={props.rounds}>
                {(r, i) => (
                  <Show when={value(r, id) !== null}>
                    <path d={markerPath(style.marker, x(i()), y(value(r, id)!), 4.5)} fill={style.color} />
                  </Show>
                )}
              </For>
            </g>
          )
        }}
      </For>
    </svg>
  )
  const legend = (
    <ul class="legend">
      <For each={props.ids}>
        {(id, s) => {
          const style = SERIES[s() % SERIES.length]
          return <LegendItem color={style.color} dash={style.dash} marker={<path d={markerPath(style.marker, 17, 7, 4)} fill={style.color} />} label={props.label(id)} />
        }}
      </For>
    </ul>
  )
  const columns = () => [t('colRound'), t('colClosed'), t('colN'), ...props.ids.flatMap((id) => [props.label(id), `${props.label(id)}: ${t('colChange')}`])]
  const rows = () =>
    props.rounds.map((r) => ({
      head: r.name,
      cells: [formatDate(r.closedAt), formatNumber(r.n), ...props.ids.flatMap((id) => [formatPercent(value(r, id)), formatChange(r.change[id])])],
    }))
  return (
    <ChartFrame
      title={props.title}
      summary={summary()}
      legend={legend}
      chart={chart}
      table={<DataTable caption={t('tableOf', { title: props.title })} columns={columns()} rows={rows()} />}
    />
  )
}
