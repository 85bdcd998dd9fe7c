// Decoding, character normalization and wire conventions, each stage run
// alone on the parsed tree: `decodeText` (the parser's front), then
// `normalizeCharacters`, `normalizeWire` and `smartPunctuation`.
import type {Root} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import type {PluggableList} from 'unified'
import {describe, expect, it} from 'vitest'
import joinHardWraps from '../pipeline/join-hard-wraps.js'
import normalizeCharacters from '../pipeline/normalize-characters.js'
import normalizeWire from '../pipeline/normalize-wire.js'
import smartPunctuation from '../pipeline/smart-punctuation.js'
import {runStage} from './helpers/run-stage.js'

// The options `pipeline/index.ts` gives `smartPunctuation`.
const smartOptions = {backticks: true, dashes: true, ellipses: false} as const

/**
 * Messages and text after `stages`; with none, what `decodeText` alone gives.
 * The first line of text stands where the headline goes, the others where
 * body paragraphs go.
 */
async function run(value: Uint8Array | string, stages: PluggableList = []) {
  const {file, tree} = await runStage(value, stages)
  const lines = tree ? textLines(tree) : undefined
  return {
    messages: file.messages.map(String),
    fatal: file.messages.map((message) => message.fatal),
    headline: lines?.[0],
    body: lines?.slice(1)
  }
}

/** The non-blank lines of the tree's text, trimmed. */
function textLines(tree: Root): string[] {
  return nlcstToString(tree)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

function bytes(...parts: Array<string | number[]>): Uint8Array {
  const encoder = new TextEncoder()
  return new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...encoder.encode(part)] : part
    )
  )
}

const plain = 'Ferry sails again\n\nThe ferry to Lindholm sailed at dawn.\n'

describe('decodeText', () => {
  it('reads UTF-8 with a byte order mark as without', async () => {
    expect(await run(bytes([0xef, 0xbb, 0xbf], plain))).toEqual({
      messages: [],
      fatal: [],
      headline: 'Ferry sails again',
      body: ['The ferry to Lindholm sailed at dawn.']
    })
  })

  it.each([
    [
      'UTF-16LE',
      Buffer.from('\ufeffCafé opens\n\nThe café opened.\n', 'utf16le')
    ],
    [
      'UTF-16BE',
      Buffer.from('\ufeffCafé opens\n\nThe café opened.\n', 'utf16le').swap16()
    ]
  ])('reads %s with a byte order mark', async (_name, value) => {
    expect(await run(value)).toEqual({
      messages: [],
      fatal: [],
      headline: 'Café opens',
      body: ['The café opened.']
    })
  })

  it('decodes Windows-1252 text, with a warning', async () => {
    const value = bytes(
      'Caf',
      [0xe9],
      ' opens\n\nShe said ',
      [0x93],
      'hi',
      [0x94],
      ' at the caf',
      [0xe9],
      '.\n'
    )
    expect(await run(value)).toEqual({
      messages: [
        'input.txt:1:1: Unexpected non-UTF-8 text, decoded as Windows-1252; save the file as UTF-8 to silence this'
      ],
      fatal: [false],
      headline: 'Café opens',
      body: ['She said “hi” at the café.']
    })
  })

  it('drops bytes Windows-1252 leaves undefined, each reported at its place', async () => {
    const value = bytes('Caf', [0xe9], ' opens\n\nA ', [0x81], 'quiet day.\n')
    expect(await run(value)).toEqual({
      messages: [
        'input.txt:1:1: Unexpected non-UTF-8 text, decoded as Windows-1252; save the file as UTF-8 to silence this',
        'input.txt:3:3: Unexpected byte `0x81` at byte offset 14, expected a character Windows-1252 defines; removed'
      ],
      fatal: [false, false],
      headline: 'Café opens',
      body: ['A quiet day.']
    })
  })

  it.each([
    ['utf16le', 'LE'],
    ['utf16be', 'BE']
  ] as const)(
    'reads %s text without a byte order mark, with a warning',
    async (encoding, name) => {
      const little = Buffer.from(plain, 'utf16le')
      const value =
        encoding === 'utf16le' ? little : Buffer.from(little).swap16()
      expect(await run(new Uint8Array(value))).toEqual({
        messages: [
          `input.txt:1:1: Unexpected UTF-16${name} text without a byte order mark, decoded as UTF-16${name}; save the file as UTF-8 to silence this`
        ],
        fatal: [false],
        headline: 'Ferry sails again',
        body: ['The ferry to Lindholm sailed at dawn.']
      })
    }
  )

  it('fails on a corrupt byte among valid UTF-8, at its place', async () => {
    // `Café opens` is 11 bytes, so the bad byte is at 11 + 2 + 9 = 22.
    const value = bytes('Café opens\n\nNaïve ok', [0xff], ' more é.\n')
    expect(await run(value)).toEqual({
      messages: [
        'input.txt:3:9: Unexpected byte `0xFF` at byte offset 22, expected valid UTF-8 (the rest of the file is UTF-8)'
      ],
      fatal: [true],
      headline: undefined,
      body: undefined
    })
  })

  it('blames the lead byte of a cut-short sequence, not the byte after', async () => {
    // A Latin-1 `é` (0xE9) in UTF-8 text opens a 3-byte sequence that a
    // space breaks off.
    const value = bytes('Café opens\n\nThe caf', [0xe9], ' is new.\n')
    expect((await run(value)).messages).toEqual([
      'input.txt:3:8: Unexpected byte `0xE9` at byte offset 20, expected valid UTF-8 (the rest of the file is UTF-8)'
    ])
    const atEnd = bytes('Café opens\n\nThe caf', [0xe9])
    expect((await run(atEnd)).messages).toEqual([
      'input.txt:3:8: Unexpected byte `0xE9` at byte offset 20, expected valid UTF-8 (the rest of the file is UTF-8)'
    ])
  })

  it('reads a byte order mark as a promise of UTF-8', async () => {
    // Only ASCII besides the mark: without it, this would pass for
    // Windows-1252 and the mark would become `ï»¿`.
    const value = bytes([0xef, 0xbb, 0xbf], 'Ferry\n\nIt sa', [0xff], 'iled.\n')
    expect(await run(value)).toEqual({
      messages: [
        'input.txt:3:6: Unexpected byte `0xFF` at byte offset 15, expected valid UTF-8 (the rest of the file is UTF-8)'
      ],
      fatal: [true],
      headline: undefined,
      body: undefined
    })
  })

  it('fails on a NUL byte, at its place', async () => {
    const value = bytes('Ferry\n\nIt sa', [0], 'iled.\n')
    expect(await run(value)).toEqual({
      messages: [
        'input.txt:3:6: Unexpected NUL byte at byte offset 12, expected text (is this a binary file?)'
      ],
      fatal: [true],
      headline: undefined,
      body: undefined
    })
  })

  it('fails on broken UTF-16, at its place', async () => {
    const surrogate = Buffer.from(
      '\ufeffFerry\n\nIt \ud800sailed.\n',
      'utf16le'
    )
    expect((await run(surrogate)).messages).toEqual([
      'input.txt:3:4: Unexpected invalid UTF-16LE data at byte offset 22, expected text after the byte order mark'
    ])
    const odd = Buffer.concat([
      Buffer.from('\ufeffFerry\n\nIt sailed.\n', 'utf16le').swap16(),
      Buffer.from([0x41])
    ])
    expect((await run(odd)).messages).toEqual([
      'input.txt:4:1: Unexpected invalid UTF-16BE data at byte offset 38, expected text after the byte order mark'
    ])
  })

  it('gives the same article and places for CRLF, CR and mixed endings', async () => {
    // `normalizeCharacters` reports the control character, at a place that
    // must not depend on the line endings `decodeText` normalized.
    const stages = [normalizeCharacters]
    const lines = [
      'Ferry sails again',
      '',
      'The ferry\u0001 sailed at dawn.',
      'It was late.',
      '',
      'Nobody minded.',
      ''
    ]
    const expected = {
      messages: [
        'input.txt:3:10: Unexpected character `U+0001`, expected text that XML 1.0 allows; removed'
      ],
      fatal: [false],
      headline: 'Ferry sails again',
      body: ['The ferry sailed at dawn.', 'It was late.', 'Nobody minded.']
    }
    expect(await run(lines.join('\n'), stages)).toEqual(expected)
    expect(await run(bytes(lines.join('\r\n')), stages)).toEqual(expected)
    expect(await run(bytes(lines.join('\r')), stages)).toEqual(expected)
    const mixed = lines
      .map((line, index) => line + ['\r\n', '\r', '\n'][index % 3])
      .join('')
    expect(await run(mixed, stages)).toEqual(expected)
  })
})

describe('normalizeCharacters', () => {
  const stages = [normalizeCharacters]

  it('removes characters XML 1.0 forbids, each reported at its place', async () => {
    expect(
      await run(
        'Ferry sails\n\nOne\u0001two \u0081three \ufffefour \ud800five.\n',
        stages
      )
    ).toEqual({
      messages: [
        'input.txt:3:4: Unexpected character `U+0001`, expected text that XML 1.0 allows; removed',
        'input.txt:3:9: Unexpected character `U+0081`, expected text that XML 1.0 allows; removed',
        'input.txt:3:16: Unexpected character `U+FFFE`, expected text that XML 1.0 allows; removed',
        'input.txt:3:22: Unexpected character `U+D800`, expected text that XML 1.0 allows; removed'
      ],
      fatal: [false, false, false, false],
      headline: 'Ferry sails',
      body: ['Onetwo three four five.']
    })
  })

  it('reads C1 controls as the Windows-1252 characters they stand for', async () => {
    // Windows-1252 text once mis-read as Latin-1: U+0092 was `’`, U+0085 `…`
    // (not NEL, which would have split the line). `decodeText` reads them,
    // before `normalizeCharacters` would remove them.
    expect(
      await run(
        'Ferry sails\n\nIt didn\u0092t wait\u0085 it \u0093sailed\u0094.\n',
        stages
      )
    ).toEqual({
      messages: [
        'input.txt:3:8: Unexpected C1 control character `U+0092`, expected text; read as Windows-1252 `’`',
        'input.txt:3:15: Unexpected C1 control character `U+0085`, expected text; read as Windows-1252 `…`',
        'input.txt:3:20: Unexpected C1 control character `U+0093`, expected text; read as Windows-1252 `“`',
        'input.txt:3:27: Unexpected C1 control character `U+0094`, expected text; read as Windows-1252 `”`'
      ],
      fatal: [false, false, false, false],
      headline: 'Ferry sails',
      body: ['It didn’t wait… it “sailed”.']
    })
  })

  it('composes to NFC', async () => {
    const result = await run(
      'Cafe\u0301 opens\n\nThe cafe\u0301 opened.\n',
      stages
    )
    expect(result.headline).toBe('Caf\u00e9 opens')
    expect(result.body).toEqual(['The caf\u00e9 opened.'])
  })

  it('turns no-break spaces into plain spaces', async () => {
    // They are white space to the parser, which `normalizeCharacters` leaves
    // alone: `joinHardWraps`, which rewrites every white space leaf, makes
    // them plain, so it runs here too.
    const result = await run(
      'Ferry\u00a0sails\n\nAt 6\u00a0a.m. it\u202fleft.\n',
      [...stages, joinHardWraps]
    )
    expect(result.headline).toBe('Ferry sails')
    expect(result.body).toEqual(['At 6 a.m. it left.'])
  })
})

describe('normalizeWire and smartPunctuation', () => {
  // In pipeline order: `normalizeWire` removes the backslash before a quote
  // so that smartypants sees the word before it.
  const stages: PluggableList = [
    normalizeWire,
    [smartPunctuation, smartOptions]
  ]

  it.each([
    ["He said ``we sail'' then.", 'He said “we sail” then.'],
    ['He left _ and wept.', 'He left — and wept.'],
    ['She_left.', 'She_left.'],
    ['He left -- and wept.', 'He left — and wept.'],
    ["It\\'s late.", 'It’s late.'],
    ['He said \\"no\\" twice.', 'He said “no” twice.'],
    ['"Go," she said, \'now\'.', '“Go,” she said, ‘now’.'],
    ["The crew's boat.", 'The crew’s boat.'],
    ['Wait... no.', 'Wait... no.']
  ])('%j -> %j', async (input, output) => {
    const result = await run(`Ferry sails\n\n${input}\n`, stages)
    expect(result).toEqual({
      messages: [],
      fatal: [],
      headline: 'Ferry sails',
      body: [output]
    })
  })
})
