import type { JSX } from 'solid-js'
import { PageTitle } from '../ui/page-title'

/** A whole-page message: thank-you, closed, not open yet, or a link that does not work. */
export function Message(props: { title: string; children: JSX.Element; tone?: 'success' }) {
  return (
    <div class={`stack narrow message ${props.tone ?? ''}`}>
      <PageTitle text={props.title} focus>
        {props.title}
      </PageTitle>
      {props.children}
    </div>
  )
}
