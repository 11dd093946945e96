import { createEffect, onMount, type JSX } from 'solid-js'
import { navigated } from '../../lib/router'
import { t } from '../../i18n/common'

/**
 * The page's one <h1>. It names the document, and after an in-app navigation it takes focus so
 * screen readers announce the new page and keyboard users continue from its top.
 */
export function PageTitle(props: { children: JSX.Element; text: string; focus?: boolean }) {
  let el: HTMLHeadingElement | undefined
  createEffect(() => {
    document.title = `${props.text} – ${t('appName')}`
  })
  onMount(() => {
    if (props.focus || navigated()) el?.focus()
  })
  return (
    <h1 tabindex="-1" ref={(e) => (el = e)}>
      {props.children}
    </h1>
  )
}
