import { Show, createMemo, createResource } from 'solid-js'
import { PageTitle } from '../components/ui/page-title'
import { useOrg } from '../components/layout/org-context'
import { SelectField, TextField, type Option } from '../components/ui/fields'
import { ErrorSummary } from '../components/ui/error-summary'
import { Status } from '../components/ui/status'
import { UnitTree, type TreeActions } from '../components/unit-tree'
import { childrenOf, createUnit, deleteUnit, listUnits, updateUnit, type Unit } from '../data/units'
import { clearFields, createForm, textValue } from '../lib/form'
import type { ApiProblem } from '../lib/api'
import { t } from '../i18n/units'
import { createConfirm } from '../components/ui/confirm-dialog'
import { ListState } from '../components/ui/list-state'

export default function Units() {
  const { slug, canManage } = useOrg()
  const [units, { refetch }] = createResource(() => listUnits(slug))
  const tree = createMemo(() => childrenOf(units.latest ?? []))
  const rows = createForm()
  const confirm = createConfirm()
  const add = createForm()
  let addEl: HTMLFormElement | undefined

  /** Every unit as "Parent / Child" in tree order: the choices for a parent. */
  const parentOptions = createMemo(() => {
    const out: Option[] = []
    const walk = (parentId: string | null, prefix: string) => {
      for (const u of tree().get(parentId) ?? []) {
        out.push({ value: u.id, label: prefix + u.name })
        walk(u.id, `${prefix}${u.name} / `)
      }
    }
    walk(null, '')
    return out
  })

  const act = async (work: () => Promise<string>) => {
    const ok = await rows.run(work)
    await refetch()
    return ok
  }
  const actions: TreeActions = {
    busy: rows.busy,
    canManage,
    rename: (u, name) =>
      act(async () => {
        await updateUnit(slug, u.id, { name })
        return t('renamed', { name })
      }),
    move: (u, parentId) =>
      act(async () => {
        await updateUnit(slug, u.id, { parentId })
        return t('moved', { name: u.name })
      }),
    remove: async (u: Unit) => {
      if (!(await confirm.ask({ title: t('confirmDelete', { name: u.name }), confirmLabel: t('delete') }))) return
      await act(async () => {
        await deleteUnit(slug, u.id)
        return t('deleted', { name: u.name })
      })
    },
  }

  async function onAdd(event: SubmitEvent) {
    event.preventDefault()
    const data = new FormData(addEl)
    const name = textValue(data, 'unitName') ?? ''
    const ok = await add.run(async () => {
      await createUnit(slug, name, textValue(data, 'unitParent') ?? null)
      return t('added', { name })
    })
    if (!ok) return
    // The parent stays chosen: units are often added in runs under the same parent.
    clearFields(addEl, 'unitName')
    refetch()
  }

  const hint = (p: ApiProblem | null) => (p?.status === 409 ? t('conflictHint') : undefined)

  return (
    <div class="stack">
      <confirm.Dialog />
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <ErrorSummary problem={rows.problem()} hint={hint(rows.problem())} />
      <Status text={rows.status()} />
      <section class="card" aria-labelledby="tree-title">
        <h2 id="tree-title">{t('tree')}</h2>
        <ListState resource={units} empty={t('empty')}>
          {() => <UnitTree tree={tree()} parentOptions={parentOptions()} actions={actions} parentId={null} />}
        </ListState>
      </section>
      <Show when={canManage()}>
        <section class="card" aria-labelledby="add-unit-title">
          <h2 id="add-unit-title">{t('add')}</h2>
          <ErrorSummary problem={add.problem()} form={() => addEl} hint={hint(add.problem())} />
          <form ref={(e) => (addEl = e)} onSubmit={onAdd} novalidate>
            <TextField name="unitName" label={t('name')} required autocomplete="off" path="/name" error={add.error('/name')} />
            <SelectField name="unitParent" label={t('parent')} options={parentOptions()} empty={t('topLevel')} path="/parentId" error={add.error('/parentId')} />
            <button type="submit" disabled={add.busy()}>
              {t('addButton')}
            </button>
          </form>
          <Status text={add.status()} />
        </section>
      </Show>
    </div>
  )
}
