// `parseByline`, `isTitleLine` and `isAgency`: the byline forms named in
// pipeline/parse-byline.ts, and lines that start like bylines but are prose.
import {describe, expect, it} from 'vitest'
import {
  isAgency,
  isTitleLine,
  parseByline
} from '../pipeline/rules/parse-byline.js'

describe('parseByline: `By` lines', () => {
  it.each([
    [
      'By Mara Quill',
      {text: 'By Mara Quill', authors: [{name: 'Mara Quill', kind: 'Person'}]}
    ],
    [
      '- By Mara Quill mquill@example.com',
      {
        text: '- By Mara Quill mquill@example.com',
        authors: [
          {name: 'Mara Quill', kind: 'Person', email: 'mquill@example.com'}
        ]
      }
    ],
    [
      'by Mara Quill, Reuters',
      {
        text: 'by Mara Quill, Reuters',
        authors: [{name: 'Mara Quill', kind: 'Person'}],
        agency: 'Reuters'
      }
    ],
    [
      'BY MARA QUILL, Reuters',
      {
        text: 'BY MARA QUILL, Reuters',
        authors: [{name: 'MARA QUILL', kind: 'Person'}],
        agency: 'Reuters'
      }
    ],
    [
      'By Mara Quill (AFP)',
      {
        text: 'By Mara Quill (AFP)',
        authors: [{name: 'Mara Quill', kind: 'Person'}],
        agency: 'AFP'
      }
    ],
    [
      'By Mara Quill and Tobias Fenn',
      {
        text: 'By Mara Quill and Tobias Fenn',
        authors: [
          {name: 'Mara Quill', kind: 'Person'},
          {name: 'Tobias Fenn', kind: 'Person'}
        ]
      }
    ],
    [
      'By Mara Quill, Tobias Fenn and Ines Albar',
      {
        text: 'By Mara Quill, Tobias Fenn and Ines Albar',
        authors: [
          {name: 'Mara Quill', kind: 'Person'},
          {name: 'Tobias Fenn', kind: 'Person'},
          {name: 'Ines Albar', kind: 'Person'}
        ]
      }
    ],
    [
      'By Jane Doe, Staff Reporter',
      {
        text: 'By Jane Doe, Staff Reporter',
        authors: [
          {name: 'Jane Doe', kind: 'Person', jobTitle: 'Staff Reporter'}
        ]
      }
    ],
    [
      'By Our Foreign Staff',
      {
        text: 'By Our Foreign Staff',
        authors: [{name: 'Our Foreign Staff', kind: 'Organization'}]
      }
    ],
    [
      'By AFP correspondents',
      {text: 'By AFP correspondents', authors: [], agency: 'AFP'}
    ],
    [
      'By Mara Quill @mquill_news',
      {
        text: 'By Mara Quill @mquill_news',
        authors: [{name: 'Mara Quill', kind: 'Person', handle: '@mquill_news'}]
      }
    ],
    [
      'By Mara Quill <mara@example.org>',
      {
        text: 'By Mara Quill <mara@example.org>',
        authors: [
          {name: 'Mara Quill', kind: 'Person', email: 'mara@example.org'}
        ]
      }
    ],
    [
      'By Mara Quill =',
      {text: 'By Mara Quill', authors: [{name: 'Mara Quill', kind: 'Person'}]}
    ],
    [
      'By Mara Quill in Port Alder',
      {
        text: 'By Mara Quill in Port Alder',
        authors: [{name: 'Mara Quill', kind: 'Person'}]
      }
    ],
    [
      'By Mara Quill, in Velmora, and Tobias Fenn',
      {
        text: 'By Mara Quill, in Velmora, and Tobias Fenn',
        authors: [
          {name: 'Mara Quill', kind: 'Person'},
          {name: 'Tobias Fenn', kind: 'Person'}
        ]
      }
    ],
    [
      'By Pieter van Lent',
      {
        text: 'By Pieter van Lent',
        authors: [{name: 'Pieter van Lent', kind: 'Person'}]
      }
    ]
  ])('%j', (line, byline) => {
    expect(parseByline(line)).toEqual(byline)
  })
})

describe('parseByline: names alone', () => {
  it('needs `namesOnly`', () => {
    expect(parseByline('Mara Quill and Tobias Fenn')).toBe(undefined)
  })

  it('parses `X and Y` with `namesOnly`', () => {
    expect(
      parseByline('Mara Quill and Tobias Fenn', {namesOnly: true})
    ).toEqual({
      text: 'Mara Quill and Tobias Fenn',
      authors: [
        {name: 'Mara Quill', kind: 'Person'},
        {name: 'Tobias Fenn', kind: 'Person'}
      ]
    })
  })

  it.each([
    'The mayor spoke',
    'Mara Quill and Tobias Fenn said yes',
    'Dockers end strike'
  ])('rejects %j, which is not a list of names', (line) => {
    expect(parseByline(line, {namesOnly: true})).toBe(undefined)
  })
})

describe('parseByline: prose that starts with `By`', () => {
  it.each([
    'By noon, the crowd had gone.',
    'By the river, a crowd formed',
    'By the numbers: ten ships a day',
    'Byron Bay surfers cheered the news',
    'By 2030 the port will double in size',
    'By'
  ])('%j', (line) => {
    expect(parseByline(line)).toBe(undefined)
  })
})

describe('isTitleLine', () => {
  it.each([
    'Associated Press',
    'Reuters',
    'Staff Reporter',
    'AP Sports Writer',
    'Chief Harbour Correspondent'
  ])('%j is a title line', (line) => {
    expect(isTitleLine(line)).toBe(true)
  })

  it.each([
    'Mara Quill',
    'staff reporter',
    'The reporter left.',
    'A writer of many books and plays and songs came',
    'Reporter:'
  ])('%j is not a title line', (line) => {
    expect(isTitleLine(line)).toBe(false)
  })
})

describe('isAgency', () => {
  it.each([
    ['Associated Press', true],
    ['associated press', true],
    ['dpa', true],
    ['Kestrel Gazette', false]
  ])('%j -> %j', (name, expected) => {
    expect(isAgency(name)).toBe(expected)
  })
})

describe('parseByline: a newsroom or desk signs', () => {
  it.each([
    'By WXYZ News',
    'By The Harbour Example',
    'By Staff Reports',
    'By Example X staff'
  ])('%j names no author', (line) => {
    expect(parseByline(line)).toEqual({text: line, authors: []})
  })

  it('drops a newsroom affiliation after the name', () => {
    expect(parseByline('By Ann Quill, WXYZ Business')?.authors).toEqual([
      {name: 'Ann Quill', kind: 'Person'}
    ])
  })

  it('reads `Analysis by` as a byline', () => {
    expect(
      parseByline('Analysis by Ann Quill, WXYZ Editor-at-large')?.authors
    ).toEqual([
      {name: 'Ann Quill', kind: 'Person', jobTitle: 'WXYZ Editor-at-large'}
    ])
  })

  it('takes no newsroom name alone for a byline without `By`', () => {
    expect(parseByline('WXYZ News', {namesOnly: true})).toBe(undefined)
    expect(parseByline('The Harbour Example', {namesOnly: true})).toBe(
      undefined
    )
  })
})
