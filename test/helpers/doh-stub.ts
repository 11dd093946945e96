/**
 * A DNS-over-HTTPS stand-in (JSON API) on 127.0.0.1, started by vitest.config.ts in Node so that
 * its address can be bound as DOH_URL. Tests publish records with
 * `PUT /records/<name>` (a JSON array of TXT strings) and the Worker reads them back through
 * `GET /dns-query?name=<name>&type=TXT`. Names under `servfail.` answer DNS status 2.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

let started: Promise<string> | undefined

export function startDohStub(): Promise<string> {
  started ??= new Promise((resolve) => {
    const records = new Map<string, string[]>()
    const server: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://stub')
      if (req.method === 'PUT' && url.pathname.startsWith('/records/')) {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          records.set(decodeURIComponent(url.pathname.slice('/records/'.length)).toLowerCase(), JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[])
          res.writeHead(204).end()
        })
        return
      }
      if (req.method !== 'GET' || url.pathname !== '/dns-query' || req.headers.accept !== 'application/dns-json') {
        res.writeHead(400).end()
        return
      }
      const name = (url.searchParams.get('name') ?? '').toLowerCase()
      const values = records.get(name)
      const body = name.includes('servfail.')
        ? { Status: 2 }
        : values
          ? { Status: 0, Answer: values.map((v) => ({ name, type: 16, TTL: 60, data: `"${v.replaceAll('"', '\\"')}"` })) }
          : { Status: 3 }
      res.writeHead(200, { 'Content-Type': 'application/dns-json' }).end(JSON.stringify(body))
    })
    // Unreferenced: the test run ends without having to stop it.
    server.unref()
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dns-query`))
  })
  return started
}
