// fast-check generators for the property tests and the fuzz script:
// arbitrary text and bytes, text made of hostile fragments, and
// article-shaped texts whose body paragraphs are known, so that a property
// can check that every one of them reaches the outputs.
import fc from 'fast-check'
import {wrap} from './wrap.js'

/** Pieces that have broken parsers and serializers before. */
export const hostileFragments = [
  '</script>',
  '</SCRIPT >',
  '</script',
  '<!--',
  '-->',
  ']]>',
  '<![CDATA[',
  '&nbsp;',
  '&amp;',
  '&#0;',
  '<b>bold</b>',
  '<img src=x onerror=alert(1)>',
  '"',
  "'",
  '``',
  "''",
  '--',
  ' _ ',
  '...',
  '\\',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u0085',
  '\u0092',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  'e\u0301',
  '\u202e',
  'مرحبا بالعالم',
  'שלום',
  '한국어 기사',
  '👩🏽‍💻',
  '🇰🇷',
  '\t',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\n\n\n',
  '   ',
  'By ',
  'SEOUL (AP) — ',
  'LONDON, March 3 (Reuters) - ',
  '(c) 2024 ',
  'Newspapers in English',
  'Reuters',
  '###',
  '='
]

/** Any text: every code point, lone surrogates included, and hostile pieces. */
export const anyText = fc.oneof(
  fc.string({unit: 'binary', maxLength: 400}),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...hostileFragments),
        fc.string({unit: 'binary', maxLength: 20}),
        fc.string({unit: 'grapheme-ascii', maxLength: 40})
      ),
      {maxLength: 60}
    )
    .map((parts) => parts.join(''))
)

/** Any bytes: the decoder's paths (BOMs, UTF-16, legacy, corrupt, NUL). */
export const anyBytes = fc.oneof(
  fc.uint8Array({maxLength: 400}),
  fc
    .tuple(
      fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]),
      fc.string({unit: 'grapheme', maxLength: 200}),
      fc.constantFrom('utf-8', 'utf-16le', 'latin1'),
      fc.array(fc.integer({min: 0, max: 255}), {maxLength: 4})
    )
    .map(([bom, text, encoding, noise]) => {
      const body = Buffer.from(text, encoding as BufferEncoding)
      const at = noise.length > 0 ? (noise[0] ?? 0) % (body.length + 1) : 0
      return Uint8Array.from([
        ...bom,
        ...body.subarray(0, at),
        ...noise,
        ...body.subarray(at)
      ])
    })
)

const plainWords = [
  'the',
  'council',
  'voted',
  'on',
  'a',
  'bridge',
  'plan',
  'after',
  'months',
  'of',
  'debate',
  'and',
  'residents',
  'said',
  'they',
  'would',
  'appeal',
  'harbour',
  'budget',
  'minister',
  'week',
  'ferry',
  'workers',
  'union',
  'offer',
  'talks',
  'river',
  'street',
  'school',
  '2024',
  '4%',
  '$12',
  '3.5',
  'well-known'
]

/** Words a reporter would never write but a feed may carry: kept as text. */
const oddWords = [
  '</script>',
  '<!--',
  ']]>',
  '<![CDATA[x]]>',
  '&amp;',
  '&nbsp;',
  '<em>',
  'AT&T',
  'a<b',
  'x>y',
  'مرحبا',
  'שלום',
  '한국어',
  'Ελλάδα',
  'naïve',
  'café',
  '👩🏽‍💻',
  '🇰🇷',
  '\u202ehello',
  '"quoted"',
  "'single'",
  "it's",
  'rock--and',
  'https://example.com/a?b=1&c=2',
  'editor@example.com',
  'x'.repeat(300)
]

const capitalWords = [
  'The',
  'Officials',
  'Residents',
  'Ministers',
  'Workers',
  'Several',
  'Critics',
  'Later',
  'In',
  'At'
]

const word = fc.oneof(
  {weight: 8, arbitrary: fc.constantFrom(...plainWords)},
  {weight: 1, arbitrary: fc.constantFrom(...oddWords)}
)

const sentence = fc
  .tuple(
    fc.constantFrom(...capitalWords),
    fc.array(word, {minLength: 5, maxLength: 18}),
    fc.constantFrom('.', '.', '.', '?', '!')
  )
  .map(([first, rest, stop]) => `${first} ${rest.join(' ')}${stop}`)

const paragraph = fc
  .array(sentence, {minLength: 1, maxLength: 4})
  .map((sentences) => sentences.join(' '))

const name = fc
  .tuple(
    fc.constantFrom(
      'Mara',
      'Tobias',
      'Ji-woo',
      'Amélie',
      'Oluwaseun',
      'Siobhán'
    ),
    fc.constantFrom('Quill', 'Fenn', 'Park', 'Dubois', 'Adeyemi', "O'Brien")
  )
  .map(([given, family]) => `${given} ${family}`)

/** An article-shaped text and the body paragraphs it should keep. */
export interface ArticleSample {
  text: string
  headline: string
  paragraphs: string[]
  layout: 'blank-lines' | 'hard-wrapped' | 'crlf'
  /**
   * Whether the layout marks every paragraph break beyond doubt; when not,
   * only the words and their order are certain.
   */
  paragraphsSure: boolean
}

export const articleText: fc.Arbitrary<ArticleSample> = fc
  .record({
    headline: fc
      .array(word, {minLength: 3, maxLength: 10})
      .map((words) => `Council ${words.join(' ')}`),
    byline: fc.option(name, {nil: undefined}),
    dateline: fc.option(
      fc.constantFrom(
        'SEOUL (AP) — ',
        'LONDON (Reuters) - ',
        'BERLIN, March 3 (dpa) - ',
        'NAIROBI, Kenya — '
      ),
      {nil: undefined}
    ),
    paragraphs: fc.array(paragraph, {minLength: 1, maxLength: 12}),
    layout: fc.constantFrom<ArticleSample['layout']>(
      'blank-lines',
      'hard-wrapped',
      'crlf'
    )
  })
  .map(({headline, byline, dateline, paragraphs, layout}) => {
    const [first = '', ...rest] = paragraphs
    const lead = [`${dateline ?? ''}${first}`, ...rest]
    const wrapped = lead.map((value) => wrap(value, 64))
    // Hard wrapping shows in the lines it wrapped: several of more than one
    // word, and few lines wider than they are (a long headline). Below
    // that, a single break is ambiguous and reads as a line break (see
    // `join-hard-wraps`): only the words are then sure to be kept in order.
    const measurable = wrapped
      .flatMap((value) => value.split('\n').slice(0, -1))
      .filter((line) => line.includes(' ')).length
    const recognizable = measurable >= 4 && headline.length <= 60
    const body = layout === 'hard-wrapped' ? wrapped : lead
    const lines = [headline, '', ...(byline ? [`By ${byline}`, ''] : [])]
    const text = [...lines, body.join('\n\n'), ''].join('\n')
    return {
      text: layout === 'crlf' ? text.replaceAll('\n', '\r\n') : text,
      headline,
      paragraphs,
      layout,
      paragraphsSure: layout !== 'hard-wrapped' || recognizable
    }
  })

/**
 * Fold what the documented normalizations change (smart quotes, dashes,
 * NFC, runs of white space), to compare a written paragraph with its source.
 */
export function foldTypography(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b']/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f"]/g, '"')
    .replace(/\u2014|--/g, '\u2014')
    .replace(/\s+/g, ' ')
    .trim()
}
