import { describe, expect, it } from 'vitest'
import { exports } from 'cloudflare:workers'
import { json, request } from '../helpers/http'
import { createRound, seedOrg } from '../helpers/seed'

const MiB = 1024 * 1024
const CHUNK = 64 * 1024

/**
 * A 30 MB body sent in chunks without Content-Length (as a client streaming an upload would),
 * counting how many bytes the server pulled: the cap must stop the reading, not the parser.
 */
function hugeStream(first: string, filler: string, total = 30 * 1000 * 1000) {
  const encoder = new TextEncoder()
  const chunk = encoder.encode(filler.repeat(Math.ceil(CHUNK / filler.length)).slice(0, CHUNK))
  const state = { pulled: 0, done: false }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const head = encoder.encode(first)
      state.pulled += head.length
      controller.enqueue(head)
    },
    pull(controller) {
      if (state.pulled >= total) {
        state.done = true
        return controller.close()
      }
      state.pulled += chunk.length
      controller.enqueue(chunk)
    },
    cancel() {
      state.done = true
    },
  }, { highWaterMark: 0 })
  return { stream, state }
}

async function postStream(path: string, init: { key: string; contentType: string }, stream: ReadableStream<Uint8Array>) {
  const base = request(path, { key: init.key, headers: { 'Content-Type': init.contentType } })
  expect(base.headers.has('Content-Length')).toBe(false)
  return exports.default.fetch(new Request(base.url, { method: 'POST', headers: base.headers, body: stream }))
}

describe('bodies are capped while they stream', () => {
  it('stops reading a chunked 30 MB JSON body at 1 MiB and answers 413', async () => {
    const org = await seedOrg()
    const { stream, state } = hugeStream('{"name":"', 'x')
    const res = await postStream(`/api/v1/orgs/${org.slug}/units`, { key: org.writeKey, contentType: 'application/json' }, stream)
    expect(res.status).toBe(413)
    expect((await json(res)).code).toBe('PAYLOAD_TOO_LARGE')
    expect(state.pulled).toBeGreaterThan(MiB)
    expect(state.pulled).toBeLessThan(MiB + 4 * CHUNK)
  })

  it('stops reading a chunked 30 MB CSV at 5 MiB and answers 413', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const { stream, state } = hugeStream('email,name,role,unit\n', 'someone@example.se,Namn,staff,\n')
    const res = await postStream(`/api/v1/orgs/${org.slug}/assessments/${round.id}/respondents`, { key: org.writeKey, contentType: 'text/csv' }, stream)
    expect(res.status).toBe(413)
    expect(state.pulled).toBeGreaterThan(5 * MiB)
    expect(state.pulled).toBeLessThan(5 * MiB + 4 * CHUNK)
  })

  it('reads a chunked body under the cap as usual', async () => {
    const org = await seedOrg()
    const { stream } = hugeStream('{"name":"Strömmad enhet"}', ' ', 0)
    const res = await postStream(`/api/v1/orgs/${org.slug}/units`, { key: org.writeKey, contentType: 'application/json' }, stream)
    expect(res.status).toBe(201)
    expect((await json(res)).name).toBe('Strömmad enhet')
  })

  it('refuses a credential-less stream with 401 before reading it', async () => {
    const org = await seedOrg()
    const { stream, state } = hugeStream('{"name":"', 'x')
    const res = await exports.default.fetch(new Request(request(`/api/v1/orgs/${org.slug}/units`).url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream }))
    expect(res.status).toBe(401)
    expect(state.pulled).toBeLessThan(4 * CHUNK)
  })
})
