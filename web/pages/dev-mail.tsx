import { For, Show, createResource, createSignal } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { TextField } from '../components/ui/fields'
import { ErrorSummary } from '../components/ui/error-summary'
import { listDevMail } from '../data/dev-mail'
import { asProblem } from '../lib/api'
import { navigate, searchParam } from '../lib/router'
import { textValue } from '../lib/form'
import { formatTime } from '../lib/format'
import { t } from '../i18n/public'

function countText(count: number, to: string) {
  if (count === 0) return t('noMail', { to })
  return count === 1 ? t('mailCountOne', { to }) : t('mailCount', { count, to })
}

/** Development only: read what Mognad "sent" to an address, with its links clickable. */
export default function DevMail() {
  const [to, setTo] = createSignal(searchParam('to') ?? '')
  const [mail, { refetch }] = createResource(() => to() || false, listDevMail)
  const problem = () => (mail.error ? asProblem(mail.error) : null)
  let el: HTMLFormElement | undefined

  function submit(event: SubmitEvent) {
    event.preventDefault()
    const address = textValue(new FormData(el), 'to') ?? ''
    // Kept in the address so a reload (after a new message) shows the same mailbox.
    navigate(`/dev/mail?to=${encodeURIComponent(address)}`, { replace: true })
    if (address === to()) refetch()
    else setTo(address)
  }

  return (
    <div class="stack">
      <PageTitle text={t('devMailTitle')}>{t('devMailTitle')}</PageTitle>
      <p>{t('devMailIntro')}</p>
      <ErrorSummary problem={problem()?.status === 404 ? null : problem()} form={() => el} />
      <Show when={problem()?.status === 404}>
        <p class="notice error">{t('devMailUnavailable')}</p>
      </Show>
      <form ref={(e) => (el = e)} onSubmit={submit} novalidate class="inline-form">
        <TextField name="to" type="email" label={t('email')} required value={to()} autocomplete="email" path="/to" error={problem()?.fieldError('/to')} />
        <button type="submit">{t('showMail')}</button>
      </form>
      <p role="status">{to() && mail.state === 'ready' ? countText(mail()!.length, to()) : ''}</p>
      <Show when={to() && mail.state === 'ready'}>
        <ol class="mail-list">
          <For each={mail()}>
            {(m) => (
              <li class="card">
                <h2>{m.subject}</h2>
                <p class="muted">{t('sentAt', { time: formatTime(m.createdAt) })}</p>
                <pre class="mail-text">{m.text}</pre>
                <Show when={m.links.length}>
                  <h3>{t('mailLinks')}</h3>
                  <ul>
                    <For each={m.links}>
                      {(link) => (
                        <li>
                          <a href={link} class="break">
                            {link}
                          </a>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  )
}
