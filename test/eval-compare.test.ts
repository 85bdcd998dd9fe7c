// Unit tests of the evaluation's comparison rules, on made-up articles and
// labels (the corpus texts are copyrighted and stay out of the repository).
import {describe, expect, it} from 'vitest'
import type {Article} from '../pipeline/types.js'
import {
  compareArticle,
  type FieldResult,
  foldText,
  formatMiss,
  formatSummary,
  type Label,
  parseLabel,
  summarize
} from '../scripts/eval-compare.js'

const label: Label = {
  headline: "Lighthouse keeper's ``last watch'' ends",
  subheadline: null,
  authors: ['MARTA OLSEN', 'Ned Price'],
  dateline: 'PORT ELLIS, Maine (XP) _',
  paragraphCount: 3,
  firstParagraphStart:
    "The lamp went dark at dusk on Tuesday, and ``nobody'' noticed",
  lastParagraphEnd: "on the rocks,'' she said. ``It's time _ finally time.'''",
  boilerplate: ['Wirefeed', 'XP-WF-01-02-03 0400GMT', 'Eds: With photos.'],
  summaryBullets: [],
  publication: null,
  datePublished: null
}

function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    headline: 'Lighthouse keeper’s “last watch” ends',
    bylines: [
      {
        text: 'By MARTA OLSEN and NED PRICE',
        authors: [
          {name: 'MARTA OLSEN', kind: 'Person'},
          {name: 'NED PRICE', kind: 'Person'}
        ]
      }
    ],
    dateline: {text: 'PORT ELLIS, Maine (XP) —'},
    body: [
      'The lamp went dark at dusk on Tuesday, and “nobody” noticed until the ferry came in.',
      'A second paragraph about the harbour.',
      'Her last words: “I stood there on the rocks,” she said. “It’s time — finally time.’”'
    ],
    summary: [],
    editorNotes: [],
    captions: [],
    credits: [],
    boilerplate: [],
    ...overrides
  }
}

function misses(results: FieldResult[]): string[] {
  return results
    .filter((result) => !result.ok)
    .map((result) => formatMiss('x-01', result))
}

describe('foldText', () => {
  it('folds wire and curly quotes to straight ones', () => {
    expect(foldText("``Yes,'' he said, `quietly'.")).toBe(
      `"Yes," he said, 'quietly'.`
    )
    expect(foldText('“Yes,” he said, ‘quietly’.')).toBe(
      `"Yes," he said, 'quietly'.`
    )
  })

  it('folds a closing single and double quote alike in either spelling', () => {
    expect(foldText("time.'''")).toBe(foldText('time.’”'))
    expect(foldText("``'Tis")).toBe(foldText('“‘Tis'))
  })

  it('folds every dash form, with its spaces, to one', () => {
    const folded = 'a \u2014 b'
    expect(foldText('a _ b')).toBe(folded)
    expect(foldText('a--b')).toBe(folded)
    expect(foldText('a -- b')).toBe(folded)
    expect(foldText('a\u2013b')).toBe(folded)
    expect(foldText('a \u2014 b')).toBe(folded)
    expect(foldText('a\u2014b')).toBe(folded)
    expect(foldText('a - b')).toBe(folded)
    expect(foldText('a ___ b')).toBe(folded)
    expect(foldText('NEW YORK, Feb 26 -')).toBe('NEW YORK, Feb 26 \u2014')
  })

  it('keeps hyphens inside words and before numbers', () => {
    expect(foldText('well-known 115-111 -5 degrees')).toBe(
      'well-known 115-111 -5 degrees'
    )
  })

  it('collapses white space, trims, and composes to NFC', () => {
    expect(foldText('\ufeff  one\r\n\ttwo\u00a0 three  ')).toBe('one two three')
    expect(foldText('Cafe\u0301')).toBe('Caf\u00e9')
  })

  it('folds an ellipsis character to three dots', () => {
    expect(foldText('wait\u2026 what')).toBe('wait... what')
  })

  it('keeps differences in words, case and punctuation', () => {
    expect(foldText('Statue reopens')).not.toBe(foldText('Statue reopened'))
    expect(foldText('REUTERS')).not.toBe(foldText('Reuters'))
    expect(foldText('a, b')).not.toBe(foldText('a. b'))
  })
})

describe('compareArticle', () => {
  it('passes every field of a matching article', () => {
    const results = compareArticle(makeArticle(), label)
    expect(misses(results)).toEqual([])
    expect(results.map((result) => result.field)).toEqual([
      'headline',
      'subheadline',
      'authors',
      'dateline',
      'paragraphCount',
      'firstParagraph',
      'lastParagraph',
      'boilerplate',
      'boilerplate',
      'boilerplate'
    ])
  })

  it('reports a wrong headline and an unexpected subheadline', () => {
    const results = compareArticle(
      makeArticle({
        headline: 'Lighthouse keeper’s last watch',
        subheadline: 'A deck that is not there'
      }),
      label
    )
    expect(misses(results)).toEqual([
      `x-01 headline: expected "Lighthouse keeper's \`\`last watch'' ends", got "Lighthouse keeper’s last watch"`,
      'x-01 subheadline: expected null, got "A deck that is not there"'
    ])
  })

  it('reports a missing or wrong subheadline when the label has one', () => {
    const withDeck: Label = {
      ...label,
      subheadline: 'The light goes out _ quietly'
    }
    expect(
      misses(compareArticle(makeArticle(), withDeck)).map((miss) =>
        miss.slice(0, 16)
      )
    ).toEqual(['x-01 subheadline'])
    expect(
      misses(
        compareArticle(
          makeArticle({subheadline: 'The light goes out — quietly'}),
          withDeck
        )
      )
    ).toEqual([])
  })

  it('compares authors case-insensitively, in order and count', () => {
    const byline = (names: string[]) => [
      {
        text: 'By ...',
        authors: names.map((name) => ({name, kind: 'Person' as const}))
      }
    ]
    expect(
      misses(
        compareArticle(
          makeArticle({bylines: byline(['Marta Olsen', 'Ned Price'])}),
          label
        )
      )
    ).toEqual([])
    expect(
      misses(
        compareArticle(
          makeArticle({bylines: byline(['Ned Price', 'Marta Olsen'])}),
          label
        )
      )
    ).toEqual([
      'x-01 authors: expected ["MARTA OLSEN","Ned Price"], got ["Ned Price","Marta Olsen"]'
    ])
    expect(
      misses(
        compareArticle(makeArticle({bylines: byline(['Marta Olsen'])}), label)
      )
    ).toEqual([
      'x-01 authors: expected ["MARTA OLSEN","Ned Price"], got ["Marta Olsen"]'
    ])
  })

  it('collects authors over every byline', () => {
    const article = makeArticle({
      bylines: [
        {
          text: 'By Marta Olsen',
          authors: [{name: 'Marta Olsen', kind: 'Person'}]
        },
        {text: 'and Ned Price', authors: [{name: 'Ned Price', kind: 'Person'}]}
      ]
    })
    expect(misses(compareArticle(article, label))).toEqual([])
  })

  it('requires the dateline with its dash, in any dash form', () => {
    expect(
      misses(
        compareArticle(
          makeArticle({dateline: {text: 'PORT ELLIS, Maine (XP) -'}}),
          label
        )
      )
    ).toEqual([])
    expect(
      misses(
        compareArticle(
          makeArticle({dateline: {text: 'PORT ELLIS, Maine (XP)'}}),
          label
        )
      )
    ).toEqual([
      'x-01 dateline: expected "PORT ELLIS, Maine (XP) _", got "PORT ELLIS, Maine (XP)"'
    ])
    const {dateline: _, ...withoutDateline} = makeArticle()
    expect(misses(compareArticle(withoutDateline, label))).toEqual([
      'x-01 dateline: expected "PORT ELLIS, Maine (XP) _", got null'
    ])
  })

  it('reports a dateline the label does not have', () => {
    const results = compareArticle(makeArticle(), {...label, dateline: null})
    expect(misses(results)).toEqual([
      'x-01 dateline: expected null, got "PORT ELLIS, Maine (XP) —"'
    ])
  })

  it('reports a wrong paragraph count', () => {
    const article = makeArticle()
    const results = compareArticle(
      {...article, body: [...article.body, 'An extra paragraph.']},
      label
    )
    expect(misses(results)).toEqual([
      'x-01 paragraphCount: expected 3, got 4',
      "x-01 lastParagraph: expected \"on the rocks,'' she said. ``It's time _ finally time.'''\", got \"An extra paragraph.\""
    ])
  })

  it('matches the first paragraph as a prefix after folding', () => {
    // The label is cut inside a wire `''`: only half of it is left.
    const cut: Label = {
      ...label,
      firstParagraphStart:
        "The lamp went dark at dusk on Tuesday, and ``nobody'"
    }
    expect(misses(compareArticle(makeArticle(), cut))).toEqual([])
  })

  it('reports a first paragraph that still holds the dateline', () => {
    const article = makeArticle()
    const body = [
      `PORT ELLIS, Maine (XP) — ${article.body[0]}`,
      ...article.body.slice(1)
    ]
    const [miss] = misses(compareArticle({...article, body}, label))
    expect(miss).toBe(
      'x-01 firstParagraph: expected "The lamp went dark at dusk on Tuesday, and ``nobody\'\' noticed", got "PORT ELLIS, Maine (XP) — The lamp went dark at dusk on Tuesda"'
    )
  })

  it('matches the last paragraph as a suffix after folding', () => {
    const cut: Label = {
      ...label,
      lastParagraphEnd: "' she said. ``It's time _ finally time.'''"
    }
    expect(misses(compareArticle(makeArticle(), cut))).toEqual([])
    const article = makeArticle()
    const body = [
      ...article.body.slice(0, 2),
      'Her last words were something else.'
    ]
    expect(
      misses(compareArticle({...article, body}, label)).map((miss) =>
        miss.slice(0, 18)
      )
    ).toEqual(['x-01 lastParagraph'])
  })

  it('counts a boilerplate line inside the body, headline or deck as a leak', () => {
    const article = makeArticle()
    const body = [
      'Eds: With photos.',
      ...article.body.slice(0, 2),
      `${article.body[2]} Wirefeed`
    ]
    const results = compareArticle(
      {...article, body, subheadline: 'XP-WF-01-02-03 0400GMT'},
      {...label, paragraphCount: 4}
    )
    expect(misses(results)).toEqual([
      'x-01 subheadline: expected null, got "XP-WF-01-02-03 0400GMT"',
      'x-01 firstParagraph: expected "The lamp went dark at dusk on Tuesday, and ``nobody\'\' noticed", got "Eds: With photos."',
      "x-01 lastParagraph: expected \"on the rocks,'' she said. ``It's time _ finally time.'''\", got \"the rocks,” she said. “It’s time — finally time.’” Wirefeed\"",
      'x-01 boilerplate: expected "Wirefeed" left out, got it in body[3]',
      'x-01 boilerplate: expected "XP-WF-01-02-03 0400GMT" left out, got it in subheadline',
      'x-01 boilerplate: expected "Eds: With photos." left out, got it in body[0]'
    ])
  })

  it('does not count a boilerplate word that is part of a longer word or mid-sentence', () => {
    const article = makeArticle()
    const body = [
      'Wirefeeds carried it; the Wirefeed service said so.',
      ...article.body.slice(1)
    ]
    const results = compareArticle({...article, body}, label)
    expect(
      results.filter((result) => result.field === 'boilerplate' && !result.ok)
    ).toEqual([])
  })

  it('counts a short line inside a paragraph as no leak, a long one as a leak', () => {
    const article = makeArticle()
    const long = 'Reporting by the Harbour desk of the Wirefeed service'
    const body = [
      `Lead text, Eds: With photos. then more, and ${long} in the middle.`,
      ...article.body.slice(1)
    ]
    const results = compareArticle(
      {...article, body},
      {...label, boilerplate: ['Eds: With photos.', long]}
    )
    expect(
      results
        .filter((result) => result.field === 'boilerplate' && !result.ok)
        .map((result) => result.expected)
    ).toEqual([long])
  })

  it('counts no leak in a headline that is the labelled one', () => {
    const article = makeArticle()
    const headline = `Wirefeed ${article.headline}`
    const results = compareArticle(
      {...article, headline},
      {...label, headline, boilerplate: ['Wirefeed']}
    )
    expect(misses(results)).toEqual([])
  })

  it('misses every field, and leaks nothing, without an article', () => {
    const results = compareArticle(undefined, label)
    expect(
      results.filter((result) => result.field !== 'boilerplate' && result.ok)
    ).toEqual([])
    expect(
      results.filter((result) => result.field === 'boilerplate' && !result.ok)
    ).toEqual([])
  })
})

describe('summarize and formatSummary', () => {
  it('reports each field as a share of the articles', () => {
    const good = compareArticle(makeArticle(), label)
    const leaky = compareArticle(
      makeArticle({headline: 'Wrong', body: ['Eds: With photos.']}),
      label
    )
    expect(
      formatSummary(
        summarize([
          {results: good, flagged: false},
          {results: leaky, flagged: false}
        ])
      )
    ).toBe(
      'eval: 2 articles; headline 50.0%, authors 100.0%, dateline 100.0%, paragraphCount 50.0%, firstParagraph 50.0%, lastParagraph 50.0%, subheadline 100.0%; leaked boilerplate lines: 1; misses in articles with a warning: 0/5'
    )
  })

  it('counts the misses of articles copydesk warned about', () => {
    const wrong = compareArticle(makeArticle({headline: 'Wrong'}), label)
    const summary = summarize([
      {results: wrong, flagged: true},
      {results: wrong, flagged: false}
    ])
    expect(summary.misses).toEqual({total: 2, flagged: 1})
  })

  it('does not divide by zero', () => {
    expect(formatSummary(summarize([]))).toBe(
      'eval: 0 articles; headline n/a, authors n/a, dateline n/a, paragraphCount n/a, firstParagraph n/a, lastParagraph n/a, subheadline n/a; leaked boilerplate lines: 0; misses in articles with a warning: 0/0'
    )
  })

  it('truncates long values', () => {
    const long = `${'word '.repeat(40)}end`
    const [miss] = misses(compareArticle(makeArticle({headline: long}), label))
    expect(miss).toBe(
      `x-01 headline: expected "Lighthouse keeper's \`\`last watch'' ends", got "${long.slice(0, 99)}…"`
    )
  })
})

describe('parseLabel', () => {
  it('accepts a complete label', () => {
    expect(parseLabel({...label, extra: true})).toEqual({
      ok: true,
      label: {...label, extra: true}
    })
  })

  it('rejects a label with a missing or mistyped field', () => {
    const {headline: _, ...headless} = label
    expect(parseLabel(headless)).toEqual({
      ok: false,
      reason: 'Unexpected `headline`: missing, expected a string'
    })
    expect(parseLabel({...label, paragraphCount: '3'})).toEqual({
      ok: false,
      reason:
        'Unexpected `paragraphCount`: "3", expected a non-negative integer'
    })
    expect(parseLabel([])).toEqual({
      ok: false,
      reason: 'Unexpected label, expected a JSON object'
    })
  })
})
