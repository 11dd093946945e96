import { For, Show } from 'solid-js'
import type { Score } from '../../data/results'
import { formatInterval, formatNumber, formatPercent } from '../../lib/format'
import { t } from '../../i18n/results'
import { ChartFrame, DataTable, LegendItem } from './chart-frame'
import { GRID, OURS, PEER, markerPath } from './palette'

const W = 460
const H = 340
const CX = W / 2
const CY = H / 2
const R = 120

/** The point at value v (0–100) on axis i of n, the first axis pointing up. */
function at(i: number, n: number, v: number): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n
  const r = (Math.max(0, Math.min(100, v)) / 100) * R
  return [CX + r * Math.cos(angle), CY + r * Math.sin(angle)]
}

const path = (points: [number, number][]) => (points.length ? `M${points.map((p) => p.join(' ')).join('L')}z` : '')

/** The six categories as a radar, the organisation beside the peer median when there is one. */
export function RadarChart(props: { categories: Score[]; peer?: Map<string, number | null>; label: (id: string) => string }) {
  const n = () => props.categories.length
  // An axis without a value has no point: the shape joins the axes that have one rather than
  // pretending a hidden category is zero.
  const ours = () => props.categories.flatMap((c, i) => (c.percent === null ? [] : [at(i, n(), c.percent)]))
  const peers = () => (props.peer ? props.categories.flatMap((c, i) => (props.peer!.get(c.id) == null ? [] : [at(i, n(), props.peer!.get(c.id)!)])) : [])
  const summary = () => t('radarSummary', { list: props.categories.map((c) => `${props.label(c.id)} ${formatPercent(c.percent)}`).join(', ') })
  const chart = (
    <svg viewBox={`0 0 ${W} ${H}`} class="chart-svg radar" aria-hidden="true">
      <For each={[25, 50, 75, 100]}>
        {(v) => <path d={path(props.categories.map((_, i) => at(i, n(), v)))} fill="none" stroke={GRID} stroke-width={v === 50 ? 1.5 : 0.75} />}
      </For>
      {/* The scale along the empty direction to the right (between two axes), clear of their labels. */}
      <For each={[25, 50, 75]}>
        {(v) => (
          <text x={CX + (v / 100) * R * Math.cos(Math.PI / 6)} y={CY + 4} text-anchor="middle" class="tick small">
            {formatNumber(v)}
          </text>
        )}
      </For>
      <For each={props.categories}>
        {(c, i) => {
          const [ex, ey] = at(i(), n(), 100)
          const [lx, ly] = at(i(), n(), 122)
          const anchor = Math.abs(lx - CX) < 4 ? 'middle' : lx > CX ? 'start' : 'end'
          return (
            <>
              <line x1={CX} y1={CY} x2={ex} y2={ey} stroke={GRID} stroke-width="0.75" />
              <text x={lx} y={ly + (ly > CY + 10 ? 14 : ly < CY - 10 ? -4 : 4)} text-anchor={anchor} class="axis-label">
                <tspan x={lx}>{props.label(c.id)}</tspan>
                <tspan x={lx} dy="1.15em" class="value">
                  {formatPercent(c.percent)}
                </tspan>
              </text>
            </>
          )
        }}
      </For>
      <Show when={peers().length}>
        <path d={path(peers())} fill="none" stroke={PEER} stroke-width="2.5" stroke-dasharray="7 4" />
        <For each={peers()}>{(p) => <path d={markerPath('square', p[0], p[1], 4)} fill={PEER} />}</For>
      </Show>
      <path d={path(ours())} fill={OURS} fill-opacity="0.18" stroke={OURS} stroke-width="2.5" />
      <For each={ours()}>{(p) => <path d={markerPath('circle', p[0], p[1], 4.5)} fill={OURS} />}</For>
    </svg>
  )
  const legend = (
    <ul class="legend">
      <LegendItem color={OURS} marker={<path d={markerPath('circle', 17, 7, 4)} fill={OURS} />} label={t('ours')} />
      <Show when={peers().length}>
        <LegendItem color={PEER} dash="7 4" marker={<path d={markerPath('square', 17, 7, 4)} fill={PEER} />} label={t('peerMedian')} />
      </Show>
    </ul>
  )
  const columns = () => [t('colCategory'), t('colPercent'), t('colInterval'), t('colN'), ...(props.peer ? [t('colPeerMedian')] : [])]
  const rows = () =>
    props.categories.map((c) => ({
      head: props.label(c.id),
      cells: [formatPercent(c.percent), formatInterval(c.ci), formatNumber(c.n), ...(props.peer ? [formatPercent(props.peer.get(c.id))] : [])],
    }))
  return (
    <ChartFrame
      title={t('radarTitle')}
      summary={summary()}
      legend={legend}
      chart={chart}
      table={<DataTable caption={t('tableOf', { title: t('radarTitle') })} columns={columns()} rows={rows()} />}
    />
  )
}
