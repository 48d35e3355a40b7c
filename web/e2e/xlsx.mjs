// Reads an xlsx download the way Excel sees it, for e2e checks: each cell's type (number cells
// have no t attribute or t="n"; text is t="s" or "inlineStr") and its value. A zip reader over
// the central directory with node:zlib; enough for the workbooks the server writes.
import { inflateRawSync } from 'node:zlib'

function entries(buf) {
  let eocd = buf.length - 22
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--
  if (eocd < 0) throw new Error('not a zip file')
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  const out = new Map()
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10)
    const size = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(dataAt, dataAt + size)
    out.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'))
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The first worksheet as rows of {type: 'number'|'text', value}, and every sheet's text joined. */
export function readXlsx(buffer) {
  const files = entries(Buffer.from(buffer))
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  )
  const rows = []
  for (const r of (files.get('xl/worksheets/sheet1.xml') ?? '').matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = []
    for (const c of r[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...c[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      const t = /t="(\w+)"/.exec(c[2])?.[1] ?? 'n'
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? '')?.[1]
      const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? '')?.[1]
      cells[col] = t === 'n' ? { type: 'number', value: Number(v) } : { type: 'text', value: unescape(t === 's' ? shared[Number(v)] : inline ?? v ?? '') }
    }
    rows.push(cells)
  }
  const text = [...files.values()].join('\n')
  return { rows, text, shared }
}
