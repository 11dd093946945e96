import { Show, createResource } from 'solid-js'
import { getInvitationPreview, type Round } from '../../data/rounds'
import { asProblem } from '../../lib/api'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/rounds-respondents'

/**
 * The invitation exactly as the server renders it, in the round's language (marked with `lang` so
 * a screen reader switches voice), with a placeholder where each person's own link goes.
 */
export function InvitationPreview(props: { slug: string; round: Round }) {
  // Re-read whenever something the text shows changes.
  const key = () => ({ id: props.round.id, v: `${props.round.name}|${props.round.language}|${props.round.closesAt}` })
  const [mail] = createResource(key, (k) => getInvitationPreview(props.slug, k.id))
  return (
    <section class="card stack" aria-labelledby="invitation-title">
      <h2 id="invitation-title">{t('invitationTitle')}</h2>
      <p>{t('invitationIntro')}</p>
      <Show when={mail.latest} fallback={<p class="muted">{mail.error ? asProblem(mail.error).detail : common('loading')}</p>}>
        {(m) => (
          <dl class="mail-preview">
            <dt>{t('subject')}</dt>
            <dd lang={m().language}>{m().subject}</dd>
            <dt>{t('message')}</dt>
            <dd lang={m().language}>
              <pre class="mail-text">{m().text}</pre>
            </dd>
          </dl>
        )}
      </Show>
      <p class="hint">{t('invitationLanguage', { language: t(`langIn.${props.round.language}`) })}</p>
    </section>
  )
}
