import { For, Match, Show, Switch, createSignal, onMount, type JSX } from 'solid-js'
import { subtreeIds, type Unit } from '../data/units'
import type { Option } from './ui/fields'
import { t as common } from '../i18n/common'
import { t } from '../i18n/units'

export interface TreeActions {
  busy: () => boolean
  canManage: () => boolean
  rename: (unit: Unit, name: string) => Promise<boolean>
  move: (unit: Unit, parentId: string | null) => Promise<boolean>
  remove: (unit: Unit) => Promise<void>
}

interface Props {
  tree: Map<string | null, Unit[]>
  parentOptions: Option[]
  actions: TreeActions
}

/** The organisation tree as nested lists; each unit can be renamed, moved or deleted in place. */
export function UnitTree(props: Props & { parentId: string | null }) {
  return (
    <ul class="tree">
      <For each={props.tree.get(props.parentId) ?? []}>{(unit) => <UnitNode {...props} unit={unit} />}</For>
    </ul>
  )
}

function UnitNode(props: Props & { unit: Unit }) {
  const [mode, setMode] = createSignal<'view' | 'rename' | 'move'>('view')
  const idBase = () => `unit-${props.unit.id}`
  let opener = ''
  const open = (next: 'rename' | 'move') => () => {
    opener = `${idBase()}-${next}`
    setMode(next)
  }
  const close = () => {
    setMode('view')
    // Back to the button that opened the form (found by id: a reload may have redrawn the row).
    queueMicrotask(() => document.getElementById(opener)?.focus())
  }
  // A unit cannot move below itself or anything under it.
  const targets = () => {
    const blocked = subtreeIds(props.tree, props.unit.id)
    return props.parentOptions.filter((o) => !blocked.has(o.value))
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get('value') ?? '')
    const ok = mode() === 'rename' ? await props.actions.rename(props.unit, value.trim()) : await props.actions.move(props.unit, value || null)
    if (ok) close()
  }

  return (
    <li>
      <div class="tree-row">
        <span class="tree-name">{props.unit.name}</span>
        <Show when={props.actions.canManage()}>
          <span class="tree-actions">
            <button type="button" class="link-button" id={`${idBase()}-rename`} aria-expanded={mode() === 'rename'} onClick={open('rename')}>
              {t('rename')}
              <span class="visually-hidden"> {props.unit.name}</span>
            </button>
            <button type="button" class="link-button" id={`${idBase()}-move`} aria-expanded={mode() === 'move'} onClick={open('move')}>
              {t('move')}
              <span class="visually-hidden"> {props.unit.name}</span>
            </button>
            <button type="button" class="link-button danger-text" disabled={props.actions.busy()} onClick={() => props.actions.remove(props.unit)}>
              {t('delete')}
              <span class="visually-hidden"> {props.unit.name}</span>
            </button>
          </span>
        </Show>
      </div>
      <Show when={mode() !== 'view'}>
        <form class="row-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <Switch>
            <Match when={mode() === 'rename'}>
              <label for={`${idBase()}-value`}>{t('newName', { name: props.unit.name })}</label>
              <AutoFocus>
                <input id={`${idBase()}-value`} name="value" type="text" value={props.unit.name} required />
              </AutoFocus>
            </Match>
            <Match when={mode() === 'move'}>
              <label for={`${idBase()}-value`}>{t('newParent', { name: props.unit.name })}</label>
              <AutoFocus>
                <select id={`${idBase()}-value`} name="value">
                  <option value="" selected={!props.unit.parentId}>
                    {t('topLevel')}
                  </option>
                  <For each={targets()}>{(o) => <option value={o.value} selected={o.value === props.unit.parentId}>{o.label}</option>}</For>
                </select>
              </AutoFocus>
            </Match>
          </Switch>
          <button type="submit" class="small" disabled={props.actions.busy()}>
            {common('save')}
          </button>
          <button type="button" class="secondary small" onClick={close}>
            {common('cancel')}
          </button>
        </form>
      </Show>
      <Show when={props.tree.get(props.unit.id)?.length}>
        <UnitTree {...props} parentId={props.unit.id} />
      </Show>
    </li>
  )
}

/** Focuses its only child once it is in the page (an inline form just opened). */
function AutoFocus(props: { children: JSX.Element }) {
  const el = props.children as HTMLElement
  onMount(() => el.focus())
  return el
}
