import { For, Show, createResource } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { ListState } from '../../components/ui/list-state'
import { listInitiatives } from '../../data/initiatives'
import { money } from '../../i18n/portfolio'
import { t } from '../../i18n/initiatives'
import '../../styles/portfolio.css'
import { enumLabel, INITIATIVE_KIND, INITIATIVE_STATUS, INITIATIVE_TARGET, PIN } from '../../i18n/enums'

export default function Initiatives() {
  const { slug } = useOrg()
  const base = `/o/${encodeURIComponent(slug)}`
  const [items] = createResource(() => listInitiatives(slug))
  return (
    <div class="stack">
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <p class="actions-row">
        <a class="button" href={`${base}/initiatives/new`}>
          {t('new')}
        </a>
        <a href={`${base}/portfolio`}>{t('toPortfolio')}</a>
      </p>
      <ListState resource={items} empty={t('empty')}>
        {(list) => (
          <ul class="initiative-list">
            <For each={list()}>
              {(i) => (
                <li class="card">
                  <h2>
                    <a href={`${base}/initiatives/${encodeURIComponent(i.id)}`}>{i.title}</a>
                  </h2>
                  <p class="ranking-facts">
                    <span class="badge" classList={{ out: i.status === 'stopped' || i.status === 'done' }}>
                      {enumLabel(INITIATIVE_STATUS, i.status)}
                    </span>
                    <span>
                      {enumLabel(INITIATIVE_KIND, i.kind)} · {enumLabel(INITIATIVE_TARGET, i.target)}
                    </span>
                    <span>{i.cost !== undefined ? money(i.cost) : t('noCost')}</span>
                    <Show when={i.owner}>
                      <span>
                        {t('owner')}: {i.owner}
                      </span>
                    </Show>
                    <Show when={i.pin !== 'auto'}>
                      <span>{enumLabel(PIN, i.pin)}</span>
                    </Show>
                    <span>{i.factors.map((f) => `${f.factorId}:${f.strength}`).join(' ')}</span>
                  </p>
                </li>
              )}
            </For>
          </ul>
        )}
      </ListState>
    </div>
  )
}
