import { lang, setLang } from '../../i18n'
import { t } from '../../i18n/common'

/** One button that offers the other language, written in that language. */
export function LangSwitch() {
  const other = () => (lang() === 'sv' ? 'en' : 'sv')
  return (
    <button type="button" class="link-button lang-switch" lang={other()} onClick={() => setLang(other())}>
      {t('switchLanguage')}
    </button>
  )
}
