import { lazy, type Component } from 'solid-js'

export interface PageProps {
  params: Record<string, string>
}

export interface Route {
  /** `/o/:slug/units`; `*` matches anything (keep it last). */
  path: string
  /** A lazy page: each is its own chunk, fetched the first time its route is visited. */
  page: Component<PageProps>
  /** Pages of one organisation share its layout (navigation, the organisation loaded once). */
  layout?: 'org'
}

export const routes: readonly Route[] = [
  { path: '/', page: lazy(() => import('./pages/home')) },
  { path: '/sign-up', page: lazy(() => import('./pages/sign-up')) },
  { path: '/sign-in', page: lazy(() => import('./pages/sign-in')) },
  { path: '/auth/verify', page: lazy(() => import('./pages/verify')) },
  { path: '/invitations', page: lazy(() => import('./pages/invitations')) },
  { path: '/o/:slug', page: lazy(() => import('./pages/org-overview')), layout: 'org' },
  { path: '/o/:slug/settings', page: lazy(() => import('./pages/settings')), layout: 'org' },
  { path: '/o/:slug/members', page: lazy(() => import('./pages/members')), layout: 'org' },
  { path: '/o/:slug/units', page: lazy(() => import('./pages/units')), layout: 'org' },
  { path: '/o/:slug/rounds', page: lazy(() => import('./pages/rounds/list')), layout: 'org' },
  { path: '/o/:slug/rounds/:id', page: lazy(() => import('./pages/rounds/detail')), layout: 'org' },
  { path: '/o/:slug/api-keys', page: lazy(() => import('./pages/api-keys')), layout: 'org' },
  { path: '/o/:slug/rounds/:id/results', page: lazy(() => import('./pages/results/index')), layout: 'org' },
  { path: '/o/:slug/trends', page: lazy(() => import('./pages/results/trends')), layout: 'org' },
  { path: '/r/:token', page: lazy(() => import('./pages/respond')) },
  { path: '/o/:slug/portfolio', page: lazy(() => import('./pages/portfolio/index')), layout: 'org' },
  { path: '/o/:slug/benefits', page: lazy(() => import('./pages/portfolio/benefits')), layout: 'org' },
  { path: '/o/:slug/initiatives', page: lazy(() => import('./pages/initiatives/index')), layout: 'org' },
  { path: '/o/:slug/initiatives/new', page: lazy(() => import('./pages/initiatives/edit')), layout: 'org' },
  { path: '/o/:slug/initiatives/:id', page: lazy(() => import('./pages/initiatives/edit')), layout: 'org' },
  { path: '/dev/mail', page: lazy(() => import('./pages/dev-mail')) },
  { path: '*', page: lazy(() => import('./pages/not-found')) },
]

export const OrgLayout = lazy(() => import('./pages/org-layout'))
