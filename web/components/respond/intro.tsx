import { Show } from 'solid-js'
import type { Survey } from '../../data/respond'
import { minutesFor } from '../../data/respond'
import { PageTitle } from '../ui/page-title'
import { formatClosing } from '../../lib/format'
import { t } from '../../i18n/respond'

/** Who is asking, why, how long it takes, what happens to the answers, and the way in. */
export function Intro(props: { survey: Survey; pages: number; answered: number; startHref: string }) {
  const count = () => props.survey.items.length
  const minutes = () => minutesFor(count())
  return (
    <div class="stack narrow intro">
      <PageTitle text={props.survey.assessment.name}>{props.survey.assessment.name}</PageTitle>
      <p class="lead">{t('introLead', { org: props.survey.organisation.name })}</p>
      <section aria-labelledby="why">
        <h2 id="why">{t('whyTitle')}</h2>
        <p>{t('why')}</p>
      </section>
      <section aria-labelledby="how-long">
        <h2 id="how-long">{t('howLongTitle')}</h2>
        <p>{t('howLong', { min: minutes().min, max: minutes().max, count: count(), pages: props.pages })}</p>
        <p>
          <Show when={props.survey.assessment.closesAt} fallback={t('noClosing')}>
            {(closesAt) => t('closes', { date: formatClosing(closesAt()) })}
          </Show>
        </p>
      </section>
      <section class="card" aria-labelledby="anonymity">
        <h2 id="anonymity">{t('anonTitle')}</h2>
        <ul class="points">
          <li>{t('anon1')}</li>
          <li>{t('anon2')}</li>
          <li>{t('anon3')}</li>
        </ul>
      </section>
      <p>{t('autosave')}</p>
      <Show when={props.answered > 0}>
        <p>{t('progressSoFar', { answered: props.answered, total: count() })}</p>
      </Show>
      <p>
        <a class="button start" href={props.startHref}>
          {props.answered > 0 ? t('continue') : t('start')}
        </a>
      </p>
    </div>
  )
}
