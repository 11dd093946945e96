import { PageTitle } from '../components/ui/page-title'
import { t } from '../i18n/common'

export default function NotFound() {
  return (
    <div class="stack narrow">
      <PageTitle text={t('notFoundTitle')}>{t('notFoundTitle')}</PageTitle>
      <p>{t('notFoundText')}</p>
      <p>
        <a href="/">{t('backHome')}</a>
      </p>
    </div>
  )
}
