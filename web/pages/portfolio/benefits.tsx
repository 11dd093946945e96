import { For, Show, createMemo, createResource } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { DataTable } from '../../components/ui/data-table'
import { useOrg } from '../../components/layout/org-context'
import { instrumentFactors } from '../../data/instruments'
import { getBenefits, type BenefitFollowUp } from '../../data/portfolio'
import { asProblem } from '../../lib/api'
import { t as common } from '../../i18n/common'
import { local, num, t as portfolio } from '../../i18n/portfolio'
import { t } from '../../i18n/initiatives'
import '../../styles/portfolio.css'
import { enumLabel, INITIATIVE_STATUS } from '../../i18n/enums'

type Item = BenefitFollowUp['items'][number]

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${num(Math.abs(n))}`

/** The targeted factors before and after a done initiative, as a table. */
function FactorChange(props: { item: Item; names: Map<string, { sv: string; en: string }> }) {
  return (
    <Show when={props.item.factorChange} fallback={<p class="muted">{t('noChange')}</p>}>
      {(fc) => (
        <DataTable
          class="compact"
          caption={t('factorChange')}
          rows={fc().factors}
          columns={[
            { header: portfolio('factor'), rowHeader: true, cell: (f) => `${f.factorId} ${props.names.get(f.factorId) ? local(props.names.get(f.factorId)!) : ''}` },
            { header: t('before'), numeric: true, cell: (f) => (f.before === null ? '–' : num(f.before)) },
            { header: t('after'), numeric: true, cell: (f) => (f.after === null ? '–' : num(f.after)) },
            { header: t('change'), numeric: true, cell: (f) => (f.change === null ? '–' : signed(f.change)) },
          ]}
        />
      )}
    </Show>
  )
}

export default function Benefits() {
  const { slug } = useOrg()
  const base = `/o/${encodeURIComponent(slug)}`
  const [data] = createResource(() => getBenefits(slug))
  const [factors] = createResource(() => instrumentFactors())
  const names = createMemo(() => new Map((factors.latest ?? []).map((f) => [f.id, f.name])))
  return (
    <div class="stack">
      <PageTitle text={t('benefitsTitle')}>{t('benefitsTitle')}</PageTitle>
      <p>{t('benefitsIntro')}</p>
      <Show when={!data.error} fallback={<p class="notice error">{asProblem(data.error).detail}</p>}>
        <Show when={data.latest} fallback={<p class="loading">{common('loading')}</p>}>
          {(d) => (
            <Show when={d().items.length} fallback={<p>{t('benefitsEmpty')}</p>}>
              <ul class="initiative-list">
                <For each={d().items}>
                  {(item) => (
                    <li class="card">
                      <h2>
                        <a href={`${base}/initiatives/${encodeURIComponent(item.initiativeId)}`}>{item.title}</a>
                      </h2>
                      <p class="ranking-facts">
                        <span class="badge" classList={{ out: item.status !== 'done' }}>
                          {enumLabel(INITIATIVE_STATUS, item.status)}
                        </span>
                        <Show when={item.doneOn}>{(on) => <span>{t('doneOn', { date: on() })}</span>}</Show>
                        <Show when={item.owner}>
                          <span>
                            {t('owner')}: {item.owner}
                          </span>
                        </Show>
                        <Show when={item.overdueCount}>
                          <span class="overdue">! {item.overdueCount === 1 ? t('overdueOne') : t('overdueCount', { n: item.overdueCount })}</span>
                        </Show>
                      </p>
                      <Show when={item.expected.length || item.realised.length} fallback={<p class="muted">{t('nothing')}</p>}>
                        <Show when={item.expected.length}>
                          <h3>{t('promised')}</h3>
                        </Show>
                        <ul>
                          <For each={item.expected}>
                            {(e) => (
                              <li>
                                {e.text} ({e.measure}; {e.owner}; {t('followUpOn', { date: e.followUpDate })}) —{' '}
                                <span classList={{ overdue: e.overdue }}>{e.realised ? `✓ ${t('isRealised')}` : e.overdue ? `! ${t('isOverdue')}` : t('isPending')}</span>
                              </li>
                            )}
                          </For>
                        </ul>
                        <Show when={item.realised.length}>
                          <h3>{t('delivered')}</h3>
                          <ul>
                            <For each={item.realised}>
                              {(r) => (
                                <li>
                                  {r.text}
                                  {r.measure ? ` (${r.measure}${r.value !== undefined ? `: ${num(r.value, 2)}` : ''})` : r.value !== undefined ? ` (${num(r.value, 2)})` : ''}, {r.realisedOn}
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                      </Show>
                      <Show when={item.status === 'done'}>
                        <FactorChange item={item} names={names()} />
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </div>
  )
}
