import { For, Show, createUniqueId } from 'solid-js'
import type { Initiative } from '../../data/initiatives'
import type { Ranked } from '../../data/portfolio'
import { money, num, t } from '../../i18n/portfolio'

const W = 640
const H = 320
const M = { left: 64, right: 16, top: 16, bottom: 48 }

interface Point {
  rank: number
  title: string
  cost: number
  score: number
  chosen: boolean
}

/** A round axis maximum (1, 2 or 5 times a power of ten) at or above the largest value. */
function niceMax(v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  return ([1, 2, 5, 10].find((m) => m * p >= v) ?? 10) * p
}

/**
 * Cost against score for every costed ranked initiative, the chosen ones marked by shape (filled
 * square vs hollow circle) and text, never by colour alone; each point carries its rank number,
 * and the same data follows as a table.
 */
export function Scatter(props: { ranking: Ranked[]; initiatives: Map<string, Initiative>; chosen: Set<string> }) {
  const titleId = createUniqueId()
  const descId = createUniqueId()
  const points = (): Point[] =>
    props.ranking.flatMap((r, i) => {
      const ini = props.initiatives.get(r.initiativeId)
      if (!ini?.cost) return []
      return [{ rank: i + 1, title: ini.title, cost: ini.cost, score: r.score, chosen: props.chosen.has(r.initiativeId) }]
    })
  const xMax = () => niceMax(Math.max(0, ...points().map((p) => p.cost)))
  const yMax = () => niceMax(Math.max(0, ...points().map((p) => p.score)))
  const x = (v: number) => M.left + (v / xMax()) * (W - M.left - M.right)
  const y = (v: number) => H - M.bottom - (v / yMax()) * (H - M.top - M.bottom)
  const ticks = (max: number) => [0, max / 2, max]

  return (
    <figure class="scatter">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t('scatter')}</title>
        <desc id={descId}>{t('scatterDesc')}</desc>
        <g class="axis">
          <line x1={M.left} y1={H - M.bottom} x2={W - M.right} y2={H - M.bottom} />
          <line x1={M.left} y1={M.top} x2={M.left} y2={H - M.bottom} />
          <For each={ticks(xMax())}>
            {(v) => (
              <text x={x(v)} y={H - M.bottom + 18} text-anchor={v === 0 ? 'start' : v === xMax() ? 'end' : 'middle'}>
                {t('thousands', { v: num(v / 1000, 0) })}
              </text>
            )}
          </For>
          <For each={ticks(yMax())}>
            {(v) => (
              <text x={M.left - 6} y={y(v) + 4} text-anchor="end">
                {num(v, 0)}
              </text>
            )}
          </For>
          <text x={(M.left + W - M.right) / 2} y={H - 8} text-anchor="middle">
            {t('xAxis')}
          </text>
          <text x={14} y={(M.top + H - M.bottom) / 2} text-anchor="middle" transform={`rotate(-90 14 ${(M.top + H - M.bottom) / 2})`}>
            {t('yAxis')}
          </text>
        </g>
        <For each={points()}>
          {(p) => (
            <g class="point" classList={{ chosen: p.chosen }}>
              <Show when={p.chosen} fallback={<circle cx={x(p.cost)} cy={y(p.score)} r="6" />}>
                <rect x={x(p.cost) - 6} y={y(p.score) - 6} width="12" height="12" />
              </Show>
              <text x={x(p.cost) + 9} y={y(p.score) - 7}>
                {p.rank}
              </text>
            </g>
          )}
        </For>
      </svg>
      <figcaption class="legend">
        <span>
          <svg viewBox="0 0 14 14" class="legend-mark chosen" aria-hidden="true">
            <rect x="1" y="1" width="12" height="12" />
          </svg>{' '}
          {t('inPortfolio')}
        </span>
        <span>
          <svg viewBox="0 0 14 14" class="legend-mark" aria-hidden="true">
            <circle cx="7" cy="7" r="5.5" />
          </svg>{' '}
          {t('outOfPortfolio')}
        </span>
      </figcaption>
      <details>
        <summary>{t('scatterTable')}</summary>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('scatterTable')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('initiative')}</th>
                <th scope="col" class="num">{t('totalCost')}</th>
                <th scope="col" class="num">{t('totalScore')}</th>
                <th scope="col">{t('chosen')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={points()}>
                {(p) => (
                  <tr>
                    <td>{p.rank}</td>
                    <th scope="row">{p.title}</th>
                    <td class="num">{money(p.cost)}</td>
                    <td class="num">{num(p.score)}</td>
                    <td>{p.chosen ? t('inPortfolio') : t('outOfPortfolio')}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}
