/** A polite live region; it is always in the page so that changes to it are announced. */
export function Status(props: { text: string }) {
  return (
    <p class="status" role="status">
      {props.text}
    </p>
  )
}
