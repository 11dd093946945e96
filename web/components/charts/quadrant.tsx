import { For, Show } from 'solid-js'
import type { QuadrantType, Score } from '../../data/results'
import { formatInterval, formatNumber, formatPercent } from '../../lib/format'
import { quadrantText, t } from '../../i18n/results'
import { ChartFrame, DataTable } from './chart-frame'
import { GRID, INK, OURS, clamp100 } from './palette'

const SIZE = 360
const PAD = { left: 56, right: 14, top: 14, bottom: 52 }
const W = SIZE - PAD.left - PAD.right
const H = SIZE - PAD.top - PAD.bottom
const x = (v: number) => PAD.left + (clamp100(v) / 100) * W
const y = (v: number) => PAD.top + H - (clamp100(v) / 100) * H

/** Where each type's name sits: capability (x) high or low, legacy (y) high or low (model.md §3).
 *  Names go in the outer corners, where an organisation's point is least likely to cover them. */
const CORNERS: { type: QuadrantType; cx: number; cy: number; anchor: 'start' | 'end' }[] = [
  { type: 'B', cx: 3, cy: 95, anchor: 'start' },
  { type: 'D', cx: 97, cy: 95, anchor: 'end' },
  { type: 'A', cx: 3, cy: 12, anchor: 'start' },
  { type: 'C', cx: 97, cy: 12, anchor: 'end' },
]

/** Capability × legacy, 0–100 each, with the 50 cut lines, the four types and the organisation's point with its 95 % intervals. */
export function QuadrantChart(props: { capability: Score; legacy: Score; type: QuadrantType | null; label: (id: string) => string }) {
  const df = () => props.capability.percent
  const da = () => props.legacy.percent
  const summary = () => t('quadrantSummary', { df: formatPercent(df()), da: formatPercent(da()), type: props.type ? `${props.type} ${quadrantText(props.type, 'name')}` : '–' })
  const chart = (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} class="chart-svg quadrant" aria-hidden="true">
      <rect x={PAD.left} y={PAD.top} width={W} height={H} fill="#fff" stroke={GRID} />
      <For each={[0, 25, 50, 75, 100]}>
        {(v) => (
          <>
            <text x={x(v)} y={PAD.top + H + 18} text-anchor="middle" class="tick">
              {formatNumber(v)}
            </text>
            <text x={PAD.left - 8} y={y(v) + 4} text-anchor="end" class="tick">
              {formatNumber(v)}
            </text>
          </>
        )}
      </For>
      <line x1={x(50)} x2={x(50)} y1={PAD.top} y2={PAD.top + H} stroke={INK} stroke-width="1.5" stroke-dasharray="6 4" />
      <line x1={PAD.left} x2={PAD.left + W} y1={y(50)} y2={y(50)} stroke={INK} stroke-width="1.5" stroke-dasharray="6 4" />
      <For each={CORNERS}>
        {(c) => (
          <text x={x(c.cx)} y={y(c.cy)} text-anchor={c.anchor} class={c.type === props.type ? 'quadrant-name current' : 'quadrant-name'}>
            {`${c.type} ${quadrantText(c.type, 'name')}`}
          </text>
        )}
      </For>
      <text x={PAD.left + W / 2} y={SIZE - 10} text-anchor="middle" class="axis-label">
        {t('axisCapability')} →
      </text>
      <text transform={`translate(16 ${PAD.top + H / 2}) rotate(-90)`} text-anchor="middle" class="axis-label">
        {t('axisLegacy')} →
      </text>
      <Show when={df() !== null && da() !== null}>
        <g stroke={OURS} stroke-width="2.5">
          <Show when={props.capability.ci}>
            {(ci) => (
              <>
                <line x1={x(ci()[0])} x2={x(ci()[1])} y1={y(da()!)} y2={y(da()!)} />
                <line x1={x(ci()[0])} x2={x(ci()[0])} y1={y(da()!) - 6} y2={y(da()!) + 6} />
                <line x1={x(ci()[1])} x2={x(ci()[1])} y1={y(da()!) - 6} y2={y(da()!) + 6} />
              </>
            )}
          </Show>
          <Show when={props.legacy.ci}>
            {(ci) => (
              <>
                <line x1={x(df()!)} x2={x(df()!)} y1={y(ci()[0])} y2={y(ci()[1])} />
                <line x1={x(df()!) - 6} x2={x(df()!) + 6} y1={y(ci()[0])} y2={y(ci()[0])} />
                <line x1={x(df()!) - 6} x2={x(df()!) + 6} y1={y(ci()[1])} y2={y(ci()[1])} />
              </>
            )}
          </Show>
        </g>
        <circle cx={x(df()!)} cy={y(da()!)} r="7" fill={OURS} stroke="#fff" stroke-width="2" />
        <text x={x(df()!) + 10} y={y(da()!) - 10} class="point-label" text-anchor={df()! > 70 ? 'end' : 'start'}>
          {`${formatNumber(df(), 1)} / ${formatNumber(da(), 1)}`}
        </text>
      </Show>
    </svg>
  )
  const rows = () =>
    [props.capability, props.legacy].map((s) => ({ head: props.label(s.id), cells: [formatPercent(s.percent), formatInterval(s.ci), formatNumber(s.n)] }))
  return (
    <ChartFrame
      title={t('quadrantTitle')}
      summary={summary()}
      chart={chart}
      table={<DataTable caption={t('tableOf', { title: t('quadrantTitle') })} columns={[t('colMeasure'), t('colPercent'), t('colInterval'), t('colN')]} rows={rows()} />}
    />
  )
}
