import { createSignal } from 'solid-js'
import { asProblem, type ApiProblem } from './api'

/** A merge patch: a key set to null clears it on the server. */
export type Patch<V> = Record<string, V | null>

/** What the person is told: nothing yet, on the way, done, waiting to retry, or given up. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'retrying' | 'stopped'

export interface SaveQueueOptions<V, R> {
  /** Sends one patch; throws an ApiProblem when it was not saved. */
  send(patch: Patch<V>): Promise<R>
  /** Changes not yet confirmed, kept where a reload can find them. */
  load(): Patch<V>
  store(pending: Patch<V>): void
  onSaved?(result: R): void
  /** A refusal that retrying cannot fix (409, 412, 404, 400): the queue stops. */
  onStopped?(problem: ApiProblem): void
}

// Rapid changes to one group (arrow keys walk through the radios) go out as one request.
const DEBOUNCE_MS = 250
const MAX_BACKOFF_MS = 30_000

/** A refusal worth retrying: no answer at all, the server's own trouble, or a rate limit. */
const retryable = (p: ApiProblem) => p.status === 0 || p.status === 408 || p.status === 429 || p.status >= 500

/** Waits 1, 2, 4 … 30 s (with a little jitter so many clients do not return at once), or as told. */
function backoff(p: ApiProblem, attempt: number): number {
  if (p.retryAfter) return p.retryAfter * 1000
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1))
  return base * (0.8 + Math.random() * 0.4)
}

/**
 * Autosave: every change goes into `pending` (kept in memory and in storage until the server has
 * confirmed it), one request is in flight at a time, and failures are retried with backoff, at
 * once when the browser comes back online. A change made while a request is in flight is sent
 * after it, so the newest value always wins.
 */
export function createSaveQueue<V, R>(opts: SaveQueueOptions<V, R>) {
  const [state, setState] = createSignal<SaveState>('idle')
  let pending: Patch<V> = opts.load()
  let inFlight = false
  let stopped = false
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let waiters: ((ok: boolean) => void)[] = []

  const hasPending = () => Object.keys(pending).length > 0
  const settle = (ok: boolean) => {
    const list = waiters
    waiters = []
    for (const w of list) w(ok)
  }
  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(flush, ms)
  }

  async function flush() {
    clearTimeout(timer)
    if (inFlight || stopped) return
    if (!hasPending()) return settle(true)
    const sent = pending
    inFlight = true
    // A retry keeps saying "not saved, trying again": flipping to "saving" at every attempt would
    // only make screen readers repeat themselves.
    if (attempt === 0) setState('saving')
    try {
      const result = await opts.send(sent)
      attempt = 0
      // Keep what changed again while the request was under way; it goes out next.
      const rest = { ...pending }
      for (const [id, value] of Object.entries(sent)) if (rest[id] === value) delete rest[id]
      pending = rest
      opts.store(pending)
      inFlight = false
      opts.onSaved?.(result)
      if (hasPending()) return flush()
      setState('saved')
      settle(true)
    } catch (err) {
      inFlight = false
      const problem = asProblem(err)
      if (retryable(problem)) {
        attempt += 1
        setState('retrying')
        schedule(backoff(problem, attempt))
      } else {
        stopped = true
        pending = {}
        opts.store(pending)
        setState('stopped')
        opts.onStopped?.(problem)
      }
      settle(false)
    }
  }

  const online = () => {
    if (state() === 'retrying') schedule(0)
  }
  window.addEventListener('online', online)

  return {
    state,
    /** The changes the server has not confirmed yet (to show on top of its answers). */
    pending: () => pending,
    change(id: string, value: V | null) {
      if (stopped) return
      pending = { ...pending, [id]: value }
      opts.store(pending)
      // While waiting out a backoff the next attempt carries this change too; in flight, it follows.
      if (state() === 'retrying') return
      setState('saving')
      if (!inFlight) schedule(DEBOUNCE_MS)
    },
    /** Sends what is pending now (after a reload: the changes kept from before). */
    resume() {
      if (hasPending()) schedule(0)
    },
    /** Sends at once and resolves true when nothing is left unsaved, false after a failed try. */
    drain(): Promise<boolean> {
      if (!hasPending() && !inFlight) return Promise.resolve(true)
      const done = new Promise<boolean>((resolve) => waiters.push(resolve))
      if (!inFlight) void flush()
      return done
    },
    dispose() {
      clearTimeout(timer)
      window.removeEventListener('online', online)
      settle(false)
    },
  }
}

export type SaveQueue<V, R> = ReturnType<typeof createSaveQueue<V, R>>
