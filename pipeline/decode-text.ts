// Stage 1, read/decode: bytes to text, before retext-english parses it.
// Wraps the processor's parser, so `file.value` may be a `Uint8Array`; after
// parsing it is the decoded string every later position refers to.
// Line endings (CRLF, CR) become LF; a BOM is dropped. C1 control characters
// that Windows-1252 gives a meaning (`U+0092`) are read as that character
// (`’`), as browsers do: they are Windows-1252 text once mis-read as Latin-1.
// An HTML or XML document is refused here, before it can be read as an
// article whose headline is `<!DOCTYPE html>` (`rules/markup.ts` decides).
// ruleIds: `legacy-encoding`, `illegal-character` (warnings), `invalid-utf8`, `invalid-utf16`,
// `binary-file`, `markup-input` (fatal).
import iconv from 'iconv-lite'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {fail} from './messages.js'
import {findMarkup} from './rules/markup.js'

const source = 'copydesk'
const utf8Fatal = new TextDecoder('utf-8', {fatal: true})
const utf8Lenient = new TextDecoder('utf-8')
const utf16 = {
  le: new TextDecoder('utf-16le', {fatal: true}),
  be: new TextDecoder('utf-16be', {fatal: true})
}
const utf16Lenient = {
  le: new TextDecoder('utf-16le'),
  be: new TextDecoder('utf-16be')
}

/** Decode the file's bytes to text before the parser runs. */
export default function decodeText(this: Processor): undefined {
  const parse = this.parser
  if (!parse) throw new Error('`decodeText` must be used after a parser')
  this.parser = (_document, file) => {
    const decoded = normalizeLineEndings(decodeBytes(file))
    refuseMarkup(file, decoded)
    const text = repairC1Controls(file, decoded)
    file.value = text
    return parse(text, file)
  }
}

/** Fail when `text` is an HTML or XML document rather than article text. */
function refuseMarkup(file: VFile, text: string): undefined {
  const markup = findMarkup(text)
  if (!markup) return
  const place = location(text).toPoint(markup.offset)
  const where = `\`${markup.excerpt}\` at ${place?.line}:${place?.column}`
  const measure = markup.measure ? `, ${markup.measure}` : ''
  // Thrown as `file.fail` would: the parser has nothing to give.
  throw fail(
    file,
    `Unexpected ${markup.kind} (${where}${measure}), expected plain article text; save the article's text, or convert it first`,
    'markup-input',
    place
  )
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

  const order = utf16ByteOrder(bytes)
  if (order) {
    file.message(
      `Unexpected UTF-16${order.toUpperCase()} text without a byte order mark, decoded as UTF-16${order.toUpperCase()}; save the file as UTF-8 to silence this`,
      {ruleId: 'legacy-encoding', source}
    )
    return decodeUtf16(file, bytes, order, 0)
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
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL
  if (utf8Bom || /[^\u0000-\u007f\ufffd]/.test(lenient)) {
    // A UTF-8 byte order mark, or real multi-byte sequences that decoded
    // fine elsewhere: this is UTF-8 with damage, and guessing another
    // encoding would garble the good part.
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
  return decodeWindows1252(file, bytes)
}

// Bytes Windows-1252 leaves undefined: they stand for no character.
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/** Decode Windows-1252, dropping (and reporting) the bytes it leaves undefined. */
function decodeWindows1252(file: VFile, bytes: Uint8Array): string {
  const kept: number[] = []
  bytes.forEach((byte, offset) => {
    if (!undefinedIn1252.has(byte)) return
    kept.push(offset)
  })
  if (kept.length === 0) return iconv.decode(Buffer.from(bytes), 'windows-1252')
  const clean = bytes.filter((byte) => !undefinedIn1252.has(byte))
  const text = iconv.decode(Buffer.from(clean), 'windows-1252')
  const place = location(normalizeLineEndings(text))
  kept.forEach((offset, index) => {
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase()
    // Bytes before this one were single characters, less those removed.
    const point = place.toPoint(
      normalizeLineEndings(
        iconv.decode(Buffer.from(bytes.subarray(0, offset)), 'windows-1252')
      ).length - index
    )
    file.message(
      `Unexpected byte \`0x${byte}\` at byte offset ${offset}, expected a character Windows-1252 defines; removed`,
      {place: point, ruleId: 'illegal-character', source}
    )
  })
  return text
}

/**
 * The byte order of UTF-16 text sent without a byte order mark: nearly every
 * other byte is NUL in text that is mostly ASCII. `undefined` otherwise.
 */
function utf16ByteOrder(bytes: Uint8Array): 'le' | 'be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1)
  const units = sample.length / 2
  if (units < 4) return undefined
  let evenNul = 0
  let oddNul = 0
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenNul++
    if (sample[index + 1] === 0) oddNul++
  }
  if (oddNul >= units * 0.9 && evenNul <= units * 0.1) return 'le'
  if (evenNul >= units * 0.9 && oddNul <= units * 0.1) return 'be'
  return undefined
}

function decodeUtf16(
  file: VFile,
  bytes: Uint8Array,
  order: 'le' | 'be',
  start = 2
) {
  try {
    return stripBom(utf16[order].decode(bytes))
  } catch {
    const offset = firstInvalidUtf16Offset(bytes, order, start)
    return failAt(
      file,
      bytes,
      offset,
      `Unexpected invalid UTF-16${order.toUpperCase()} data at byte offset ${offset}, expected text after the byte order mark`,
      'invalid-utf16',
      utf16Lenient[order]
    )
  }
}

/** Offset of the first unpaired surrogate or of a last, odd byte. */
function firstInvalidUtf16Offset(
  bytes: Uint8Array,
  order: 'le' | 'be',
  start: number
): number {
  const unitAt = (index: number) => {
    const first = bytes[index] ?? 0
    const second = bytes[index + 1] ?? 0
    return order === 'le' ? first | (second << 8) : (first << 8) | second
  }
  let index = start
  while (index + 1 < bytes.length) {
    const unit = unitAt(index)
    if (unit >= 0xdc00 && unit <= 0xdfff) return index
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = index + 3 < bytes.length ? unitAt(index + 2) : 0
      if (next < 0xdc00 || next > 0xdfff) return index
      index += 4
    } else {
      index += 2
    }
  }
  return index
}

/**
 * Offset of the first byte that makes the text invalid UTF-8: the first byte
 * a decoder rejects, or, when that byte only shows that a multi-byte
 * sequence was cut short (a Latin-1 `é` as `0xE9` before a space), the lead
 * byte of that sequence.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // Binary search for the smallest prefix whose strict decoding fails.
  let low = 0
  let high = bytes.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (isUtf8Prefix(bytes.subarray(0, middle + 1))) low = middle + 1
    else high = middle
  }
  if (isCompleteUtf8(bytes.subarray(0, low))) return low
  let lead = low - 1
  while (lead > 0 && isContinuationByte(bytes[lead])) lead--
  return lead
}

function isContinuationByte(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80
}

function isCompleteUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes)
    return true
  } catch {
    return false
  }
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
  ruleId: string,
  decoder: {decode(input: Uint8Array): string} = utf8Lenient
): never {
  const before = normalizeLineEndings(
    stripBom(decoder.decode(bytes.subarray(0, offset)))
  )
  const place = location(before).toPoint(before.length)
  throw fail(file, reason, ruleId, place)
}

/**
 * Read C1 controls as the Windows-1252 characters they stand for. Each is one
 * UTF-16 unit for one, so positions do not move. Those Windows-1252 leaves
 * undefined stay, for `normalizeCharacters` to remove.
 */
function repairC1Controls(file: VFile, text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text
  const place = location(text)
  return text.replace(/[\u0080-\u009f]/g, (character, offset: number) => {
    const code = character.charCodeAt(0)
    const repaired = iconv.decode(Buffer.from([code]), 'windows-1252')
    if (repaired === '\ufffd') return character
    file.message(
      `Unexpected C1 control character \`U+${code.toString(16).toUpperCase().padStart(4, '0')}\`, expected text; read as Windows-1252 \`${repaired}\``,
      {place: place.toPoint(offset), ruleId: 'legacy-encoding', source}
    )
    return repaired
  })
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** CRLF, and CR alone, become LF. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}
