import { LangSwitch } from '../ui/lang-switch'
import { t } from '../../i18n/respond'

/**
 * A respondent has no account: the header says who is asking and offers the other language,
 * nothing else (no sign-in, no navigation away from the survey).
 */
export function RespondentHeader(props: { orgName?: string }) {
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div class="bar">
        <span class="brand">{props.orgName ?? ''}</span>
        <LangSwitch />
      </div>
    </header>
  )
}
