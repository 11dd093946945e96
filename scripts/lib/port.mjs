import { createServer } from 'node:net'

/** Resolves when nothing listens on host:port; rejects with a message that says what to do otherwise. */
export function assertPortFree(port, host) {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (err) => {
      const taken = err.code === 'EADDRINUSE' || err.code === 'EACCES'
      reject(new Error(taken ? `Port ${port} on ${host} is already in use. Stop what runs there or choose another port, e.g. PORT=${port + 1} npm start` : `Cannot listen on ${host}:${port}: ${err.message}`))
    })
    probe.listen(port, host, () => probe.close(() => resolve()))
  })
}
