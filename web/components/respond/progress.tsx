import { t } from '../../i18n/respond'

/** How far along: the page, and a bar of answered statements with its own accessible name. */
export function SurveyProgress(props: { page: number; pages: number; answered: number; total: number }) {
  return (
    <div class="survey-progress">
      <p class="page-of">{t('pageOf', { n: props.page, m: props.pages })}</p>
      <progress max={props.total} value={props.answered} aria-label={t('answeredLabel')} />
      <p class="answered">{t('answeredCount', { answered: props.answered, total: props.total })}</p>
    </div>
  )
}
