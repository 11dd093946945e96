import { Match, Show, Switch, createMemo, createSignal, onCleanup } from 'solid-js'
import type { z } from 'zod/mini'
import type { SavedAnswers } from '../../../schema/api/respond'
import type { PageProps } from '../../routes'
import { mergeMap } from '../../../schema/merge-patch'
import { getSurvey, pagesOf, pendingStore, saveAnswers, submitAnswers, type Answer, type Answers, type Survey } from '../../data/respond'
import { asProblem, type ApiProblem } from '../../lib/api'
import { searchParam } from '../../lib/router'
import { createSaveQueue, type SaveQueue } from '../../lib/save-queue'
import { lang, setLang, STORAGE_KEY } from '../../i18n'
import { formatDay } from '../../lib/format'
import { categoryName, t } from '../../i18n/respond'
import { RespondentHeader } from '../../components/respond/respondent-header'
import { Intro } from '../../components/respond/intro'
import { QuestionPage } from '../../components/respond/question-page'
import { Review } from '../../components/respond/review'
import { Message } from '../../components/respond/message'
import '../../styles/respond.css'

type Queue = SaveQueue<Answer, z.infer<typeof SavedAnswers>>


/** The round's language applies until the person picks one with the switch (which is remembered). */
function useRoundLanguage(language: Survey['assessment']['language']) {
  try {
    if (localStorage.getItem(STORAGE_KEY) === null && lang() !== language) setLang(language)
  } catch {
    // Storage disabled: keep the shell's default.
  }
}

/** The respondent's survey: intro, one page per category, review and submit, thank-you. */
export default function RespondPage(props: PageProps) {
  const token = props.params.token
  const [survey, setSurvey] = createSignal<Survey>()
  const [loadError, setLoadError] = createSignal<ApiProblem>()
  const [shown, setShown] = createSignal<Answers>({})
  const [queue, setQueue] = createSignal<Queue>()
  const [autoStep, setAutoStep] = createSignal('intro')
  const [submitting, setSubmitting] = createSignal(false)
  const [submitError, setSubmitError] = createSignal<string>()

  const pages = createMemo(() => pagesOf(survey()?.items ?? []))
  const answered = () => (survey()?.items ?? []).filter((i) => shown()[i.id] !== undefined).length
  const pageTitle = (n: number) => categoryName(pages()[n - 1]?.letter ?? '') ?? t('part', { n })
  const href = (step: string) => `/r/${encodeURIComponent(token)}?step=${step}`
  const step = createMemo(() => {
    const raw = searchParam('step') ?? autoStep()
    if (raw === 'intro' || raw === 'review') return raw
    const n = Number(raw)
    return Number.isInteger(n) && n >= 1 && n <= pages().length ? n : 'intro'
  })
  /** Where to go in: the first page with an unanswered statement, or the review when none is left. */
  const firstOpenStep = () => {
    const index = pages().findIndex((p) => p.items.some((i) => shown()[i.id] === undefined))
    return index === -1 ? 'review' : String(index + 1)
  }

  async function load() {
    setLoadError(undefined)
    queue()?.dispose()
    try {
      const [s, store] = await Promise.all([getSurvey(token), pendingStore(token)])
      useRoundLanguage(s.assessment.language)
      const ids = new Set(s.items.map((i) => i.id))
      const open = !s.submittedAt && s.assessment.status === 'open'
      const q: Queue = createSaveQueue({
        send: (patch) => saveAnswers(token, patch),
        // Changes kept from before a reload, for this round's statements only; none once it is over.
        load: () => (open ? Object.fromEntries(Object.entries(store.load()).filter(([id]) => ids.has(id))) : {}),
        store: store.store,
        onSaved: (result) => setShown(mergeMap(result.answers, q.pending())),
        // Submitted elsewhere, closed meanwhile, or refused: start again from what the server says.
        onStopped: () => void load(),
      })
      if (!open) store.store({})
      setShown(mergeMap(s.answers, q.pending()))
      setSurvey(s)
      setAutoStep(Object.keys(s.answers).length || Object.keys(q.pending()).length ? firstOpenStep() : 'intro')
      setQueue(q)
      q.resume()
    } catch (err) {
      setLoadError(asProblem(err))
    }
  }
  void load()
  onCleanup(() => queue()?.dispose())

  function change(id: string, value: Answer | null) {
    setShown(mergeMap(shown(), { [id]: value }))
    queue()?.change(id, value)
  }

  async function submit() {
    setSubmitting(true)
    setSubmitError(undefined)
    try {
      // Nothing typed may be lost: every pending change is saved before the answers are sent in.
      if (!(await queue()!.drain())) return setSubmitError(t('unsavedBlock'))
      const { submittedAt } = await submitAnswers(token)
      setSurvey({ ...survey()!, submittedAt })
    } catch (err) {
      const problem = asProblem(err)
      if (problem.status === 412 || problem.status === 404) await load()
      else setSubmitError(problem.detail || problem.title)
    } finally {
      setSubmitting(false)
    }
  }

  const unanswered = () =>
    pages().flatMap((p, index) => p.items.filter((i) => shown()[i.id] === undefined).map((item) => ({ item, page: index + 1 })))

  return (
    <>
      <RespondentHeader orgName={survey()?.organisation.name} />
      <main id="main" tabindex="-1" class="respond">
        <Switch fallback={<p class="loading">{t('loadingSurvey')}</p>}>
          <Match when={loadError()?.reason === 'closed'}>
            {/* At close every link stops working; the server says so rather than showing the round. */}
            <Message title={t('closedTitle')}>
              <p>{t('closedLinkText')}</p>
            </Message>
          </Match>
          <Match when={loadError()}>
            {(problem) => (
              <Show
                when={problem().status !== 404}
                fallback={
                  <Message title={t('invalidTitle')}>
                    <p>{t('invalidText')}</p>
                  </Message>
                }
              >
                <Message title={t('loadFailedTitle')}>
                  <p class="notice error">{problem().detail || problem().title}</p>
                  <p>
                    <button type="button" onClick={() => void load()}>
                      {t('tryAgain')}
                    </button>
                  </p>
                </Message>
              </Show>
            )}
          </Match>
          <Match when={survey()?.submittedAt}>
            {(day) => (
              <Message title={t('thanksTitle')} tone="success">
                <p class="lead">{t('answeredOn', { date: formatDay(day()) })}</p>
                <p>{t('thanksText')}</p>
              </Message>
            )}
          </Match>
          <Match when={survey()?.assessment.status === 'closed'}>
            <Message title={t('closedTitle')}>
              <p>{t('closedText', { name: survey()!.assessment.name })}</p>
            </Message>
          </Match>
          <Match when={survey()?.assessment.status === 'draft'}>
            <Message title={t('draftTitle')}>
              <p>{t('draftText', { name: survey()!.assessment.name })}</p>
            </Message>
          </Match>
          <Match when={survey() && step() === 'intro'}>
            <Intro survey={survey()!} pages={pages().length} answered={answered()} startHref={href(answered() ? firstOpenStep() : '1')} />
          </Match>
          <Match when={survey() && step() === 'review'}>
            <Review
              unanswered={unanswered()}
              saveState={queue()?.state() ?? 'idle'}
              error={submitError()}
              submitting={submitting()}
              onSubmit={submit}
              href={href}
              lastPage={pages().length}
              pageTitle={pageTitle}
            />
          </Match>
          <Match when={survey() && typeof step() === 'number' && (step() as number)} keyed>
            {(n) => (
              <QuestionPage
                title={pageTitle(n)}
                page={n}
                pages={pages().length}
                items={pages()[n - 1].items}
                scale={survey()!.scale}
                answers={shown()}
                answered={answered()}
                total={survey()!.items.length}
                saveState={queue()?.state() ?? 'idle'}
                onChange={change}
                href={href}
              />
            )}
          </Match>
        </Switch>
      </main>
    </>
  )
}
