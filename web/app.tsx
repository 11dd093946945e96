import { Show, Suspense, createMemo } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { location, matchRoute } from './lib/router'
import { OrgLayout, routes } from './routes'
import { SiteHeader } from './components/layout/site-header'
import { SiteFooter } from './components/layout/site-footer'
import { t } from './i18n/common'

export function App() {
  const match = createMemo(() => matchRoute(routes, location().pathname)!)
  const page = () => <Dynamic component={match().route.page} params={match().params} />
  // Keyed on the slug: moving between one organisation's pages keeps its layout (and its data).
  const orgSlug = () => (match().route.layout === 'org' ? match().params.slug : undefined)
  // A respondent has no account: their page draws its own header (the organisation asking) and main.
  const respondent = () => match().route.path === '/r/:token'
  return (
    <Show when={!respondent()} fallback={<Suspense fallback={<p class="loading">{t('loading')}</p>}>{page()}</Suspense>}>
      <SiteHeader />
      <main id="main" tabindex="-1">
        <Suspense fallback={<p class="loading">{t('loading')}</p>}>
          <Show when={orgSlug()} keyed fallback={page()}>
            {(slug) => <OrgLayout slug={slug}>{page()}</OrgLayout>}
          </Show>
        </Suspense>
      </main>
      <SiteFooter />
    </Show>
  )
}
