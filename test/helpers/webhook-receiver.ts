/**
 * Vitest globalSetup (runs in Node, not workerd): a tiny webhook receiver on 127.0.0.1. The Worker
 * delivers to `POST /hooks/<mode>/<name>`; mode `ok` answers 204, `fail-once` answers 500 to the
 * first delivery for a name and 204 after, `fail` always 500. `GET /received/<name>` lists what
 * arrived for a name (headers, raw body, the status answered), so tests can check signatures.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    webhookReceiver: string
  }
}

export interface Received {
  headers: Record<string, string | undefined>
  body: string
  answered: number
}

export default async function setup(project: TestProject) {
  const received = new Map<string, Received[]>()
  const server = createServer((req, res) => {
    const parts = (req.url ?? '').split('/').filter(Boolean)
    if (req.method === 'GET' && parts[0] === 'received' && parts[1]) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(received.get(parts[1]) ?? []))
      return
    }
    if (req.method !== 'POST' || parts[0] !== 'hooks' || parts.length !== 3) {
      res.writeHead(404).end()
      return
    }
    const [, mode, name] = parts
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const list = received.get(name) ?? []
      const answered = mode === 'fail' || (mode === 'fail-once' && list.length === 0) ? 500 : 204
      list.push({
        headers: {
          'content-type': req.headers['content-type'],
          'webhook-id': req.headers['webhook-id'] as string | undefined,
          'webhook-timestamp': req.headers['webhook-timestamp'] as string | undefined,
          'webhook-signature': req.headers['webhook-signature'] as string | undefined,
        },
        body: Buffer.concat(chunks).toString('utf8'),
        answered,
      })
      received.set(name, list)
      res.writeHead(answered).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  project.provide('webhookReceiver', `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  return async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
