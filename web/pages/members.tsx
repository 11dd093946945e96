import { For, Show, createResource } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { useOrg } from '../components/layout/org-context'
import { SelectField, TextField } from '../components/ui/fields'
import { ErrorSummary } from '../components/ui/error-summary'
import { Status } from '../components/ui/status'
import { addMember, changeRole, listMembers, removeMember, type Member } from '../data/members'
import { me } from '../data/session'
import { clearFields, createForm, textValue } from '../lib/form'
import type { ApiProblem } from '../lib/api'
import { MEMBER_ROLES, type MemberRole } from '../../schema/enums'
import { t as common } from '../i18n/common'
import { t } from '../i18n/members'
import { createConfirm } from '../components/ui/confirm-dialog'
import { DataTable } from '../components/ui/data-table'
import { ListState } from '../components/ui/list-state'
import { RowAction } from '../components/ui/row-action'
import { enumLabel, MEMBER_ROLE } from '../i18n/enums'

const roleOptions = () => MEMBER_ROLES.map((r) => ({ value: r, label: enumLabel(MEMBER_ROLE, r) }))

/** Why the API said no, in the words of this page (409 and 403 have fixed meanings here). */
function explain(problem: ApiProblem | null, adding: boolean): string | undefined {
  if (problem?.status === 403) return t('forbidden')
  if (problem?.status === 409) return adding ? t('conflictExisting') : t('conflictLastOwner')
  return undefined
}

export default function Members() {
  const { slug, canManage } = useOrg()
  const [members, { refetch }] = createResource(() => listMembers(slug))
  const rows = createForm()
  const confirm = createConfirm()
  const add = createForm()
  let addEl: HTMLFormElement | undefined

  function onRoleSubmit(member: Member) {
    return async (event: SubmitEvent) => {
      event.preventDefault()
      const role = new FormData(event.currentTarget as HTMLFormElement).get('role') as MemberRole
      await rows.run(async () => {
        await changeRole(slug, member.id, role)
        return t('roleChanged', { name: member.name, role: enumLabel(MEMBER_ROLE, role).toLowerCase() })
      })
      // Reloaded either way: on failure the select goes back to the stored role.
      refetch()
    }
  }

  async function onRemove(member: Member) {
    const pending = member.status === 'pending'
    const question = t(pending ? 'confirmWithdraw' : 'confirmRemove', { name: member.name })
    if (!(await confirm.ask({ title: question, confirmLabel: t(pending ? 'withdraw' : 'remove') }))) return
    await rows.run(async () => {
      await removeMember(slug, member.id)
      return t(pending ? 'withdrawn' : 'removed', { name: member.name })
    })
    refetch()
  }

  async function onAdd(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(addEl)
    const name = textValue(data, 'memberName') ?? ''
    const ok = await add.run(async () => {
      await addMember(slug, { name, email: textValue(data, 'memberEmail') ?? '', role: data.get('memberRole') as MemberRole })
      return t('added', { name })
    })
    if (ok) {
      clearFields(addEl, 'memberName', 'memberEmail')
      refetch()
    }
  }

  return (
    <div class="stack">
      <confirm.Dialog />
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <ErrorSummary problem={rows.problem()} hint={explain(rows.problem(), false)} />
      <Status text={rows.status()} />
      <ListState resource={members} empty={null}>
        {(items) => (
          <DataTable
            caption={t('list')}
            rows={items()}
            columns={[
              {
                header: t('name'),
                rowHeader: true,
                cell: (m) => (
                  <>
                    {m.name} <Show when={m.userId === me()?.user.id}>{t('you')}</Show>
                  </>
                ),
              },
              { header: t('email'), cell: (m) => m.email },
              {
                header: t('role'),
                cell: (m) => (
                  <Show when={canManage() && m.status === 'active'} fallback={enumLabel(MEMBER_ROLE, m.role)}>
                    <form class="row-form" onSubmit={onRoleSubmit(m)}>
                      <label class="visually-hidden" for={`role-${m.id}`}>
                        {t('roleFor', { name: m.name })}
                      </label>
                      <select id={`role-${m.id}`} name="role">
                        <For each={roleOptions()}>{(o) => <option value={o.value} selected={o.value === m.role}>{o.label}</option>}</For>
                      </select>
                      <RowAction type="submit" class="secondary small" label={t('changeRole')} name={`(${m.name})`} disabled={rows.busy()} />
                    </form>
                  </Show>
                ),
              },
              { header: t('status'), cell: (m) => t(m.status) },
              {
                header: t('actions'),
                when: canManage,
                cell: (m) => <RowAction label={t(m.status === 'pending' ? 'withdraw' : 'remove')} name={m.name} disabled={rows.busy()} onClick={() => onRemove(m)} />,
              },
            ]}
          />
        )}
      </ListState>

      <Show when={canManage()}>
        <section class="card" aria-labelledby="add-member-title">
          <h2 id="add-member-title">{t('add')}</h2>
          <p>{t('addIntro')}</p>
          <ErrorSummary problem={add.problem()} form={() => addEl} hint={explain(add.problem(), true)} />
          <form ref={(e) => (addEl = e)} onSubmit={onAdd} novalidate>
            <TextField name="memberName" label={t('name')} required autocomplete="off" path="/name" error={add.error('/name')} />
            <TextField name="memberEmail" type="email" label={t('email')} required autocomplete="off" path="/email" error={add.error('/email')} />
            <SelectField name="memberRole" label={t('role')} required options={roleOptions()} value="analyst" path="/role" error={add.error('/role')} />
            <button type="submit" disabled={add.busy()}>
              {add.busy() ? common('saving') : t('addButton')}
            </button>
          </form>
          <Status text={add.status()} />
        </section>
      </Show>
    </div>
  )
}
