import { For, Show, createSignal } from 'solid-js'
import type { SurveyItem } from '../../data/respond'
import type { SaveState } from '../../lib/save-queue'
import { lang } from '../../i18n'
import { PageTitle } from '../ui/page-title'
import { t } from '../../i18n/respond'
import { SaveStatus } from './save-state'

/**
 * The last step: which statements are still unanswered (each a link to it), then submit after a
 * confirmation, since answers cannot be changed afterwards.
 */
export function Review(props: {
  unanswered: { item: SurveyItem; page: number }[]
  saveState: SaveState
  error?: string
  submitting: boolean
  onSubmit: () => void
  href: (step: string) => string
  lastPage: number
  pageTitle: (page: number) => string
}) {
  const [confirming, setConfirming] = createSignal(false)
  let confirmHeading: HTMLHeadingElement | undefined
  let submitButton: HTMLButtonElement | undefined
  function ask() {
    setConfirming(true)
    confirmHeading?.focus()
  }
  function cancel() {
    setConfirming(false)
    submitButton?.focus()
  }
  const count = () => props.unanswered.length
  // One list per page, under the page's name, so a long list can be skimmed by category.
  const groups = () => {
    const out: { page: number; items: SurveyItem[] }[] = []
    for (const u of props.unanswered) {
      const last = out[out.length - 1]
      if (last?.page === u.page) last.items.push(u.item)
      else out.push({ page: u.page, items: [u.item] })
    }
    return out
  }
  return (
    <div class="stack narrow review">
      <PageTitle text={t('reviewTitle')}>{t('reviewTitle')}</PageTitle>
      <Show when={count() > 0} fallback={<p>{t('allAnswered')}</p>}>
        <p>{count() === 1 ? t('unansweredOne') : t('unansweredIntro', { count: count() })}</p>
        <For each={groups()}>
          {(group) => (
            <section aria-labelledby={`unanswered-${group.page}`}>
              <h2 id={`unanswered-${group.page}`}>{props.pageTitle(group.page)}</h2>
              <ul class="unanswered">
                <For each={group.items}>
                  {(item) => (
                    <li>
                      <a href={`${props.href(String(group.page))}#item-${encodeURIComponent(item.id)}`}>{item.text[lang()]}</a>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
      <p>{t('submitInfo')}</p>
      <Show when={props.error}>
        <p class="notice error" role="alert">
          {props.error}
        </p>
      </Show>
      <div class="confirm card" hidden={!confirming()}>
        <h2 tabindex="-1" ref={(el) => (confirmHeading = el)}>
          {t('confirmTitle')}
        </h2>
        <Show when={count() > 0}>
          <p>{t('confirmUnanswered')}</p>
        </Show>
        <div class="actions">
          <button type="button" disabled={props.submitting} onClick={() => props.onSubmit()}>
            {props.submitting ? t('submitting') : t('confirmYes')}
          </button>
          <button type="button" class="secondary" disabled={props.submitting} onClick={cancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
      <div class="actions" hidden={confirming()}>
        <a class="button secondary" href={props.href(String(props.lastPage))}>
          {t('previous')}
        </a>
        <button type="button" ref={(el) => (submitButton = el)} onClick={ask}>
          {t('submit')}
        </button>
      </div>
      <SaveStatus state={props.saveState} />
    </div>
  )
}
