// Writes x.br and x.gz beside each compressible file of the build (dist/), once, at build time,
// so the server sends stored bytes and compresses nothing per request (issue 26 item 1; the
// server side is src/http/static_files.h). A copy that saves under 10% is not written.
import { readdirSync, readFileSync, statSync, writeFileSync, unlinkSync, existsSync } from 'node:fs'
import { join, extname } from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'

const dist = process.argv[2] || new URL('../dist', import.meta.url).pathname
const EXTS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest', '.ico'])

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) yield* files(p)
    else yield p
  }
}

let raw = 0
let br = 0
for (const file of [...files(dist)]) {
  if (!EXTS.has(extname(file))) continue
  const bytes = readFileSync(file)
  if (bytes.length < 1024) continue
  const variants = [
    ['.br', brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })],
    ['.gz', gzipSync(bytes, { level: 9 })],
  ]
  for (const [ext, out] of variants) {
    if (out.length < bytes.length * 0.9) writeFileSync(file + ext, out)
    else if (existsSync(file + ext)) unlinkSync(file + ext)
  }
  raw += bytes.length
  br += variants[0][1].length
}
console.log(`precompress: ${(raw / 1024).toFixed(0)} KiB of text → ${(br / 1024).toFixed(0)} KiB brotli`)
