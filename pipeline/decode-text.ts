// Stage 1, read/decode: bytes to text, before retext-english parses it.
// Wraps the processor's parser, so `file.value` may be a `Uint8Array`; after
// parsing it is the decoded string every later position refers to.
// Line endings (CRLF, CR) become LF; a BOM is dropped.
// ruleIds: `legacy-encoding` (warning), `invalid-utf8`, `binary-file` (fatal).
import iconv from 'iconv-lite'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

const source = 'copydesk'
const utf8Fatal = new TextDecoder('utf-8', {fatal: true})
const utf8Lenient = new TextDecoder('utf-8')
const utf16 = {
  le: new TextDecoder('utf-16le', {fatal: true}),
  be: new TextDecoder('utf-16be', {fatal: true})
}

/** Decode the file's bytes to text before the parser runs. */
export default function decodeText(this: Processor): undefined {
  const parse = this.parser
  if (!parse) throw new Error('`decodeText` must be used after a parser')
  this.parser = (_document, file) => {
    const text = normalizeLineEndings(decodeBytes(file))
    file.value = text
    return parse(text, file)
  }
}

/** Turn the file's value into text, reporting how it was decoded. */
function decodeBytes(file: VFile): string {
  const value = file.value
  if (typeof value === 'string') return stripBom(value)
  const bytes = value

  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return decodeUtf16(file, bytes, 'le')
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return decodeUtf16(file, bytes, 'be')
  }

  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    failAt(
      file,
      bytes,
      nul,
      `Unexpected NUL byte at byte offset ${nul}, expected text (is this a binary file?)`,
      'binary-file'
    )
  }

  try {
    return stripBom(utf8Fatal.decode(bytes))
  } catch {
    // Not UTF-8: legacy 8-bit text, or UTF-8 with corrupt bytes.
  }

  const lenient = utf8Lenient.decode(bytes)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL
  if (/[^\u0000-\u007f\ufffd]/.test(lenient)) {
    // Real multi-byte sequences decoded fine elsewhere: this is UTF-8 with
    // damage, and guessing another encoding would garble the good part.
    const offset = firstInvalidUtf8Offset(bytes)
    const byte = (bytes[offset] ?? 0)
      .toString(16)
      .toUpperCase()
      .padStart(2, '0')
    failAt(
      file,
      bytes,
      offset,
      `Unexpected byte \`0x${byte}\` at byte offset ${offset}, expected valid UTF-8 (the rest of the file is UTF-8)`,
      'invalid-utf8'
    )
  }

  file.message(
    'Unexpected non-UTF-8 text, decoded as Windows-1252; save the file as UTF-8 to silence this',
    {ruleId: 'legacy-encoding', source}
  )
  return iconv.decode(Buffer.from(bytes), 'windows-1252')
}

function decodeUtf16(file: VFile, bytes: Uint8Array, order: 'le' | 'be') {
  try {
    return stripBom(utf16[order].decode(bytes))
  } catch {
    const offset = bytes.length - (bytes.length % 2)
    return failAt(
      file,
      bytes,
      offset,
      `Unexpected invalid UTF-16${order.toUpperCase()} data, expected text after the byte order mark`,
      'invalid-utf16'
    )
  }
}

/** Smallest prefix length whose strict decoding fails, by binary search. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (isUtf8Prefix(bytes.subarray(0, middle + 1))) low = middle + 1
    else high = middle
  }
  return low
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  // `stream: true` accepts a sequence cut at the end, so only real damage throws.
  const decoder = new TextDecoder('utf-8', {fatal: true})
  try {
    decoder.decode(bytes, {stream: true})
    return true
  } catch {
    return false
  }
}

/** Fail with a message placed at the text position of byte `offset`. */
function failAt(
  file: VFile,
  bytes: Uint8Array,
  offset: number,
  reason: string,
  ruleId: string
): never {
  const before = normalizeLineEndings(
    stripBom(utf8Lenient.decode(bytes.subarray(0, offset)))
  )
  const place = location(before).toPoint(before.length)
  return file.fail(reason, {place, ruleId, source})
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** CRLF, and CR alone, become LF. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}
