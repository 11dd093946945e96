import { Match, Switch, createResource } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { InitiativeForm } from '../../components/portfolio/initiative-form'
import { createInitiative, deleteInitiative, getInitiative, updateInitiative } from '../../data/initiatives'
import { asProblem } from '../../lib/api'
import { navigate } from '../../lib/router'
import type { PageProps } from '../../routes'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/initiatives'
import '../../styles/portfolio.css'
import { createConfirm } from '../../components/ui/confirm-dialog'

/** `/o/:slug/initiatives/new` creates (and starts over for the next); `/o/:slug/initiatives/:id` edits. */
export default function EditInitiative(props: PageProps) {
  const { slug } = useOrg()
  const id = () => props.params.id
  const list = () => `/o/${encodeURIComponent(slug)}/initiatives`
  const [initiative] = createResource(id, (i) => getInitiative(slug, i))
  const confirm = createConfirm()

  const remove = async () => {
    const current = initiative.latest
    if (!current || !(await confirm.ask({ title: t('confirmDelete', { title: current.title }), confirmLabel: t('delete') }))) return
    await deleteInitiative(slug, current.id)
    navigate(list())
  }

  return (
    <div class="stack">
      <confirm.Dialog />
      <p>
        <a href={list()}>← {t('back')}</a>
      </p>
      <Switch>
        <Match when={!id()}>
          <PageTitle text={t('newTitle')}>{t('newTitle')}</PageTitle>
          <InitiativeForm resetAfter submit={async (body) => t('created', { title: (await createInitiative(slug, body)).title })} />
        </Match>
        <Match when={initiative.error}>
          <PageTitle text={t('notFound')}>{t('notFound')}</PageTitle>
          <p class="notice error">{asProblem(initiative.error).detail}</p>
        </Match>
        <Match when={initiative.latest}>
          {(i) => (
            <>
              <PageTitle text={t('editTitle')}>{t('edit', { title: i().title })}</PageTitle>
              <InitiativeForm
                initial={i()}
                submit={async (body) => {
                  await updateInitiative(slug, i().id, body)
                  return t('saved')
                }}
              />
              <p>
                <button type="button" class="danger" onClick={remove}>
                  {t('delete')}
                </button>
              </p>
            </>
          )}
        </Match>
        <Match when={initiative.loading}>
          <p class="loading">{common('loading')}</p>
        </Match>
      </Switch>
    </div>
  )
}
