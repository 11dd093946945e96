import { Show } from 'solid-js'
import type { QuadrantType } from '../../data/results'
import { quadrantText, t } from '../../i18n/results'

/** The organisation's type A–D with its name and general direction, and whether it is borderline. */
export function TypeCard(props: { type: QuadrantType | null; borderline: boolean }) {
  return (
    <div class="type-card">
      <Show when={props.type} fallback={<p>{t('noType')}</p>}>
        {(type) => (
          <>
            <p class="type-name">
              <span class="type-letter" aria-hidden="true">
                {type()}
              </span>
              {t('yourType', { type: type(), name: quadrantText(type(), 'name') })}
              <Show when={props.borderline}>
                <span class="badge borderline">{t('borderline')}</span>
              </Show>
            </p>
            <h3>{t('direction')}</h3>
            <p>{quadrantText(type(), 'direction')}</p>
            <p class={props.borderline ? 'notice' : 'muted'}>
              <Show when={props.borderline} fallback={t('stableText')}>
                <strong>{t('borderline')}: </strong>
                {t('borderlineText')}
              </Show>
            </p>
          </>
        )}
      </Show>
    </div>
  )
}
