import { createSignal } from 'solid-js'

/**
 * A small history router: the route table is data (web/routes.ts), pages are lazy components, and
 * same-origin <a> clicks are taken over so links stay plain, keyboard-usable anchors.
 */
export interface Loc {
  pathname: string
  search: string
}

const current = (): Loc => ({ pathname: location.pathname, search: location.search })
const [loc, setLoc] = createSignal<Loc>(current())
// Whether the user has moved within the app: only then does focus move to the new page's heading.
const [navigated, setNavigated] = createSignal(false)

export { loc as location, navigated }

export function navigate(to: string, opts: { replace?: boolean } = {}) {
  const url = new URL(to, location.href)
  if (opts.replace) history.replaceState(null, '', url)
  else history.pushState(null, '', url)
  setNavigated(true)
  setLoc(current())
  if (!url.hash) window.scrollTo(0, 0)
}

export function searchParam(name: string): string | null {
  return new URLSearchParams(loc().search).get(name)
}

/** Paths the SPA never handles: the API and its reference page are served by the Worker. */
const SERVER_PATHS = /^\/api(\/|$)/

export function startRouter() {
  window.addEventListener('popstate', () => {
    setNavigated(true)
    setLoc(current())
  })
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const anchor = (event.target as Element | null)?.closest?.('a')
    if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download') || anchor.getAttribute('rel')?.includes('external')) return
    const url = new URL(anchor.href)
    if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return
    // In-page fragment links (error summaries, skip link) keep the browser's own behaviour.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return
    event.preventDefault()
    navigate(url.pathname + url.search + url.hash)
  })
}

export interface Match<R> {
  route: R
  params: Record<string, string>
}

/** The first route whose pattern (`/o/:slug/units`, `*`) matches the path, with its parameters. */
export function matchRoute<R extends { path: string }>(routes: readonly R[], pathname: string): Match<R> | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean)
  for (const route of routes) {
    if (route.path === '*') return { route, params: {} }
    const pattern = route.path.split('/').filter(Boolean)
    if (pattern.length !== parts.length) continue
    const params: Record<string, string> = {}
    const ok = pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        try {
          params[seg.slice(1)] = decodeURIComponent(parts[i])
        } catch {
          return false
        }
        return true
      }
      return seg === parts[i]
    })
    if (ok) return { route, params }
  }
  return undefined
}
