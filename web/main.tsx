import { render } from 'solid-js/web'
import { App } from './app'
import { applyLang } from './i18n'
import { startRouter } from './lib/router'
import { loadSession, setMe } from './data/session'
import './styles/base.css'
import './styles/forms.css'
import './styles/pages.css'

applyLang()
startRouter()
// Respondents (/r/…) have no account: asking who is signed in would only cost them a request.
if (!window.location.pathname.startsWith('/r/')) loadSession().catch(() => setMe(null))
render(() => <App />, document.getElementById('app')!)
