import { For, Show, onMount } from 'solid-js'
import type { Answer, Answers, Survey, SurveyItem } from '../../data/respond'
import type { SaveState } from '../../lib/save-queue'
import { PageTitle } from '../ui/page-title'
import { t } from '../../i18n/respond'
import { QuestionItem } from './question-item'
import { SurveyProgress } from './progress'
import { SaveStatus } from './save-state'

/** One category's statements, with progress, the save state and the way back and on. */
export function QuestionPage(props: {
  title: string
  page: number
  pages: number
  items: SurveyItem[]
  scale: Survey['scale']
  answers: Answers
  answered: number
  total: number
  saveState: SaveState
  onChange: (id: string, value: Answer | null) => void
  href: (step: string) => string
}) {
  onMount(() => {
    // Arriving from the review's list of unanswered statements: go straight to that one.
    const id = decodeURIComponent(window.location.hash.slice(1))
    const target = id ? document.getElementById(id) : null
    if (!target) return
    setTimeout(() => {
      target.scrollIntoView({ block: 'center' })
      target.querySelector('input')?.focus()
    })
  })
  // Back from the first page is the intro (what the survey is about and how answers are kept).
  const prev = () => (props.page === 1 ? props.href('intro') : props.href(String(props.page - 1)))
  const next = () => (props.page === props.pages ? props.href('review') : props.href(String(props.page + 1)))
  return (
    <div class="survey-page">
      <SurveyProgress page={props.page} pages={props.pages} answered={props.answered} total={props.total} />
      <PageTitle text={props.title}>{props.title}</PageTitle>
      <For each={props.items}>
        {(item) => (
          <QuestionItem item={item} scale={props.scale} value={props.answers[item.id]} onChange={(value) => props.onChange(item.id, value)} />
        )}
      </For>
      <div class="step-bar">
        <SaveStatus state={props.saveState} />
        <nav class="step-nav" aria-label={t('pageOf', { n: props.page, m: props.pages })}>
          <a class="button secondary" href={prev()}>
            {t('previous')}
          </a>
          <a class="button" href={next()}>
            <Show when={props.page === props.pages} fallback={t('next')}>
              {t('toReview')}
            </Show>
          </a>
        </nav>
      </div>
    </div>
  )
}
