import { createEffect, createSignal, on, onCleanup } from 'solid-js'
import { getParticipation, getRound, type Participation, type Round } from '../../data/rounds'
import { asProblem } from '../../lib/api'

/** How often an open round's participation is read while the tab is visible. The server recounts
 *  at most every 10 minutes; a minute's poll shows a recount soon after it happens. */
export const POLL_MS = 60_000
/** While invitations are still being sent, the (live) sending progress is read this often. */
export const SENDING_POLL_MS = 3_000

const countsOf = (p: Participation) => `${p.asOf}/${p.invited}`

/**
 * Participation of an open round: read every minute while the tab is visible, paused while it is
 * hidden (nobody is looking, and each read costs the server), read at once when it shows again.
 * The round is re-read with it, since a passed closing time closes the round on the server.
 */
export function createParticipationPoll(opts: { slug: string; id: string; round: () => Round | undefined; setRound: (r: Round) => void; onCountsChanged: () => void }) {
  const [participation, setParticipation] = createSignal<Participation | null>(null)
  const [error, setError] = createSignal('')
  let timer: ReturnType<typeof setInterval> | undefined
  let sendingTimer: ReturnType<typeof setTimeout> | undefined
  let inFlight = false

  async function now() {
    const round = opts.round()
    if (!round || round.status === 'draft' || inFlight) return
    inFlight = true
    try {
      const [p, r] = await Promise.all([getParticipation(opts.slug, opts.id), getRound(opts.slug, opts.id)])
      const before = participation()
      if (before && countsOf(before) !== countsOf(p)) opts.onCountsChanged()
      setParticipation(p)
      setError('')
      // Mail progress is about mail, not people, so it may move faster than the minute's poll.
      if (sendingTimer !== undefined) clearTimeout(sendingTimer)
      sendingTimer = p.sending.queued > 0 && document.visibilityState === 'visible' ? setTimeout(now, SENDING_POLL_MS) : undefined
      if (JSON.stringify(r) !== JSON.stringify(opts.round())) opts.setRound(r)
    } catch (err) {
      setError(asProblem(err).detail)
    } finally {
      inFlight = false
    }
  }

  const stop = () => {
    if (timer !== undefined) clearInterval(timer)
    if (sendingTimer !== undefined) clearTimeout(sendingTimer)
    timer = undefined
    sendingTimer = undefined
  }
  const start = () => {
    stop()
    if (opts.round()?.status === 'open' && document.visibilityState === 'visible') timer = setInterval(now, POLL_MS)
  }

  createEffect(
    on(
      () => opts.round()?.status,
      (status) => {
        if (!status || status === 'draft') return stop()
        void now()
        start()
      },
    ),
  )

  const onVisibility = () => {
    if (document.visibilityState === 'visible' && opts.round()?.status === 'open') {
      void now()
      start()
    } else stop()
  }
  document.addEventListener('visibilitychange', onVisibility)
  onCleanup(() => {
    stop()
    document.removeEventListener('visibilitychange', onVisibility)
  })

  return { participation, error, now }
}
