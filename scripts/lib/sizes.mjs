import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

/** Raw and gzip (level 9, as a CDN would serve it) sizes of a file in bytes. */
export function fileSizes(file) {
  const bytes = readFileSync(file)
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** Bytes as KB (1024) with one decimal. */
export const kb = (bytes) => (bytes / 1024).toFixed(1)
