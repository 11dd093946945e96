import { For, Show } from 'solid-js'
import type { FactorInfo } from '../../data/instruments'
import type { Plan, Recommendations } from '../../data/portfolio'
import { local, num, t } from '../../i18n/portfolio'

const factorName = (factors: Map<string, FactorInfo>, id: string) => `${id} ${factors.get(id) ? local(factors.get(id)!.name) : ''}`

/** Weighted gaps no active initiative lists, each with the library's suggested actions. */
export function UncoveredGaps(props: { gaps: Recommendations['uncoveredGaps']; factors: Map<string, FactorInfo> }) {
  return (
    <Show when={props.gaps.length} fallback={<p>{t('uncoveredNone')}</p>}>
      <ul class="gap-list">
        <For each={props.gaps}>
          {(g) => (
            <li>
              <h3>{factorName(props.factors, g.factorId)}</h3>
              <p class="muted">{t('gapLine', { gap: num(g.gap), weight: num(g.weight) })}</p>
              <ul>
                <For each={g.suggestions}>{(s) => <li>{local(s)}</li>}</For>
              </ul>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}

/** The competence-development plan: per weak factor, the roles to train or recruit and for what. */
export function CompetencePlan(props: { plan: Plan; csvHref: string }) {
  return (
    <>
      <Show when={props.plan.items.length} fallback={<p>{t('planEmpty')}</p>}>
        <ul class="gap-list">
          <For each={props.plan.items}>
            {(item) => (
              <li>
                <h3>
                  {item.factorId} {local(item.name)}
                  <Show when={item.weakness}>
                    {' '}
                    <span class="badge weak">{t('weakness')}</span>
                  </Show>
                </h3>
                <p class="muted">
                  {t('factorScore')} {item.score === null ? '–' : num(item.score)} · {t('target')} {num(item.target)} · {t('gapLine', { gap: num(item.gap), weight: num(item.weight) })}
                </p>
                <Show when={item.actions.length}>
                  <p>{local(item.actions[0].what)}</p>
                  <ul>
                    <For each={item.actions}>
                      {(a) => (
                        <li>
                          <strong>{t(`mode.${a.mode}`)}</strong>: {local(a.roleName)}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p>
        <a class="button secondary" href={props.csvHref} download="">
          {t('downloadCsv')}
        </a>
      </p>
    </>
  )
}
