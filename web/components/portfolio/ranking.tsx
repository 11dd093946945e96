import { For, Show } from 'solid-js'
import type { Initiative } from '../../data/initiatives'
import type { FactorInfo } from '../../data/instruments'
import type { Portfolio, Ranked } from '../../data/portfolio'
import { local, money, num, t } from '../../i18n/portfolio'
import { enumLabel, INITIATIVE_KIND, INITIATIVE_TARGET } from '../../i18n/enums'

export interface RankingProps {
  ranking: Ranked[]
  initiatives: Map<string, Initiative>
  factors: Map<string, FactorInfo>
  portfolio?: Portfolio
}

/** The explanation of one score: each factor's gap and contribution, then value and risk. */
function Explanation(props: { item: Ranked; factors: Map<string, FactorInfo> }) {
  const e = () => props.item.explanation
  return (
    <>
      <div class="table-wrap">
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t('factor')}</th>
              <th scope="col" class="num">{t('factorScore')}</th>
              <th scope="col" class="num">{t('target')}</th>
              <th scope="col" class="num">{t('gap')}</th>
              <th scope="col" class="num">{t('weight')}</th>
              <th scope="col" class="num">{t('strength')}</th>
              <th scope="col" class="num">{t('contribution')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={e().gaps}>
              {(g) => (
                <tr>
                  <th scope="row">
                    {g.factorId} {props.factors.get(g.factorId) ? local(props.factors.get(g.factorId)!.name) : ''}
                  </th>
                  <td class="num">{g.score === null ? '–' : num(g.score)}</td>
                  <td class="num">{num(g.target)}</td>
                  <td class="num">{num(g.gap)}</td>
                  <td class="num">{num(g.weight)}</td>
                  <td class="num">{g.strength}</td>
                  <td class="num">{num(g.contribution)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <p>{t('valueRisk', { value: num(e().valueFactor, 2), risk: num(e().riskFactor, 3), impact: num(e().impact), score: num(props.item.score) })}</p>
    </>
  )
}

/** The ranked initiatives, each with its place in or out of the chosen portfolio and why. */
export function Ranking(props: RankingProps) {
  const chosen = () => new Set(props.portfolio?.initiativeIds ?? [])
  const leftOut = () => new Map((props.portfolio?.leftOut ?? []).map((l) => [l.initiativeId, l.reason]))
  return (
    <ol class="ranking">
      <For each={props.ranking}>
        {(item, i) => {
          const ini = () => props.initiatives.get(item.initiativeId)
          const reason = () => leftOut().get(item.initiativeId)
          return (
            <li class="card ranking-item" classList={{ chosen: chosen().has(item.initiativeId) }}>
              <div class="ranking-head">
                <h3>
                  <span class="rank">{t('rank', { n: i() + 1 })}</span> {ini()?.title ?? item.initiativeId}
                </h3>
                <Show when={props.portfolio}>
                  <span class="badge" classList={{ out: !chosen().has(item.initiativeId) }}>
                    {chosen().has(item.initiativeId) ? `✓ ${t('inPortfolio')}` : `✗ ${t('outOfPortfolio')}`}
                  </span>
                </Show>
              </div>
              <p class="ranking-facts">
                <span>
                  {t('totalScore')}: <strong>{num(item.score)}</strong>
                </span>
                <span>
                  {t('totalCost')}: {ini()?.cost !== undefined ? money(ini()!.cost!) : t('noCost')}
                </span>
                <Show when={item.ratio !== null}>
                  <span>{t('ratio', { v: num(item.ratio! * 1_000_000) })}</span>
                </Show>
                <Show when={ini()}>
                  {(x) => (
                    <span>
                      {enumLabel(INITIATIVE_KIND, x().kind)} · {enumLabel(INITIATIVE_TARGET, x().target)}
                      {x().pin !== 'auto' ? ` · ${x().pin === 'in' ? t('pinnedIn') : t('pinnedOut')}` : ''}
                    </span>
                  )}
                </Show>
              </p>
              <Show when={reason()}>{(r) => <p class="left-out-reason">{t(`reason.${r()}`)}</p>}</Show>
              <details>
                <summary>{t('why')}</summary>
                <Explanation item={item} factors={props.factors} />
              </details>
            </li>
          )
        }}
      </For>
    </ol>
  )
}
