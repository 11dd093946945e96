import { For, Match, Suspense, Switch, createResource, type JSX } from 'solid-js'
import { OrgContext } from '../components/layout/org-context'
import { PageTitle } from '../components/ui/page-title'
import { getOrganisation, type Org } from '../data/organisations'
import { asProblem } from '../lib/api'
import { location } from '../lib/router'
import { t as common } from '../i18n/common'
import { t } from '../i18n/org'


// The work comes first (surveys, results over time, the portfolio), administration after it.
const SECTIONS = [
  { path: '', key: 'overview' },
  { path: '/rounds', key: 'rounds' },
  { path: '/trends', key: 'trends' },
  { path: '/portfolio', key: 'portfolio' },
  { path: '/initiatives', key: 'initiatives' },
  { path: '/benefits', key: 'benefits' },
  { path: '/settings', key: 'settings' },
  { path: '/members', key: 'members' },
  { path: '/units', key: 'units' },
  { path: '/api-keys', key: 'apiKeys' },
] as const

/** The frame of one organisation's pages: its name, their navigation, and the organisation itself. */
export default function OrgLayout(props: { slug: string; children: JSX.Element }) {
  const [org, { mutate, refetch }] = createResource(() => props.slug, getOrganisation)
  const problem = () => (org.error ? asProblem(org.error) : undefined)
  const base = () => `/o/${encodeURIComponent(props.slug)}`
  // A section is current on its own pages too: a round's page lies below /rounds.
  const current = (path: string): 'page' | 'true' | undefined => {
    const here = location().pathname.replace(/\/$/, '')
    if (here === base() + path) return 'page'
    return path !== '' && here.startsWith(base() + path + '/') ? 'true' : undefined
  }
  const state = {
    slug: props.slug,
    org: () => org.latest as Org,
    setOrg: (o: Org) => mutate(o),
    canManage: () => org.latest?.role === 'owner' || org.latest?.role === 'admin',
  }
  return (
    <Switch fallback={<p class="loading">{common('loading')}</p>}>
      <Match when={org.state === 'errored'}>
        <div class="stack narrow">
          <PageTitle text={problem()?.status === 401 ? common('signIn') : t('loadFailed')}>
            {problem()?.status === 401 ? common('signIn') : t('loadFailed')}
          </PageTitle>
          <Switch fallback={<p class="notice error">{problem()?.detail}</p>}>
            <Match when={problem()?.status === 401}>
              <p>{t('needSignIn')}</p>
              <p>
                <a class="button" href="/sign-in">
                  {common('signIn')}
                </a>
              </p>
            </Match>
            <Match when={problem()?.status === 404}>
              <p class="notice error">{t('notFound')}</p>
            </Match>
          </Switch>
          <p>
            <button type="button" class="secondary" onClick={() => refetch()}>
              {t('retry')}
            </button>
          </p>
        </div>
      </Match>
      <Match when={org.latest}>
        {(o) => (
          <OrgContext.Provider value={state}>
            <div class="org">
              <div class="org-bar">
                <p class="org-name">{o().name}</p>
                <nav aria-label={t('orgNav')}>
                  <ul class="tabs">
                    <For each={SECTIONS}>
                      {(s) => (
                        <li>
                          <a href={base() + s.path} aria-current={current(s.path)}>
                            {t(s.key)}
                          </a>
                        </li>
                      )}
                    </For>
                  </ul>
                </nav>
              </div>
              <Suspense fallback={<p class="loading">{common('loading')}</p>}>{props.children}</Suspense>
            </div>
          </OrgContext.Provider>
        )}
      </Match>
    </Switch>
  )
}
