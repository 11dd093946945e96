import { createUniqueId, type JSX } from 'solid-js'

/** One section of the report: a card with its own heading, and a page break before it in print. */
export function Section(props: { id: string; title: string; children: JSX.Element }) {
  const h = createUniqueId()
  return (
    <section id={props.id} class="card report-section" aria-labelledby={h}>
      <h2 id={h}>{props.title}</h2>
      {props.children}
    </section>
  )
}
