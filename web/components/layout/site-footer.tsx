import { Show } from 'solid-js'
import { t } from '../../i18n/common'

// The developer mailbox exists only outside production; offer it where the app runs locally.
const local = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname)

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <p>{t('footer')}</p>
      <ul class="inline-list">
        <li>
          <a href="/api/docs">{t('apiDocs')}</a>
        </li>
        <Show when={local}>
          <li>
            <a href="/dev/mail">{t('devMail')}</a>
          </li>
        </Show>
      </ul>
    </footer>
  )
}
