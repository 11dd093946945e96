import { Show } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { useOrg } from '../components/layout/org-context'
import { formatNumber } from '../lib/format'
import { countyName } from '../i18n/counties'
import { t } from '../i18n/org'
import type { CountyCode } from '../../schema/enums'
import { enumLabel, MEMBER_ROLE, ORG_KIND, ORG_STATUS } from '../i18n/enums'

export default function OrgOverview() {
  const { org } = useOrg()
  return (
    <div class="stack">
      <PageTitle text={org().name}>{org().name}</PageTitle>
      <dl class="facts">
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span class="badge" classList={{ pending: org().status === 'pending' }}>
              {enumLabel(ORG_STATUS, org().status)}
            </span>
          </dd>
        </div>
        <Show when={org().role}>
          {(role) => (
            <div>
              <dt>{t('yourRole')}</dt>
              <dd>{enumLabel(MEMBER_ROLE, role())}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{t('orgNumber')}</dt>
          <dd>{org().orgNumber}</dd>
        </div>
        <div>
          <dt>{t('kind')}</dt>
          <dd>{enumLabel(ORG_KIND, org().kind)}</dd>
        </div>
        <div>
          <dt>{t('county')}</dt>
          <dd>{org().county ? countyName(org().county as CountyCode) : t('none')}</dd>
        </div>
        <div>
          <dt>{t('population')}</dt>
          <dd>{org().population != null ? formatNumber(org().population) : t('none')}</dd>
        </div>
        <div>
          <dt>{t('benchmark')}</dt>
          <dd>{org().shareBenchmark ? t('sharing') : t('notSharing')}</dd>
        </div>
      </dl>
    </div>
  )
}
