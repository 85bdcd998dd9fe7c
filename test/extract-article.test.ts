// `extractArticle`: header (envelope, masthead, headline, notes, bullets,
// subheadline, bylines), dateline, body and trailer, through `processArticle`
// and through the pure `extract()` over blocks.

import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {recommendedRuleIds} from '../pipeline/check-recommended.js'
import {extract} from '../pipeline/extract-article.js'
import {defaultContext, processArticle} from '../pipeline/index.js'
import type {Block} from '../pipeline/types.js'

// Messages of the stages under test: the metadata warnings of
// `checkRecommended` (no image, no author URL) are tested on their own.
function stageMessages(file: VFile) {
  return file.messages.filter(
    (message) => !recommendedRuleIds.has(message.ruleId ?? '')
  )
}

// A publication date, so that only the messages under test are reported.
const context = {
  ...defaultContext('input.txt'),
  meta: {datePublished: '2024-03-05T09:00:00+00:00'}
}

async function run(text: string) {
  const file = await processArticle(text, {path: 'input.txt', context})
  return {
    file,
    messages: stageMessages(file).map(String),
    article: file.data.article
  }
}

/** The article with its empty lists left out, for short expectations. */
function compact(article: object | undefined) {
  if (!article) return article
  return Object.fromEntries(
    Object.entries(article).filter(
      ([, value]) => !Array.isArray(value) || value.length > 0
    )
  )
}

describe('extractArticle: a full wire story', () => {
  const story = [
    'Harbour/strike/',
    'URGENT',
    'UPDATE 2-Kestrel Bay dockers end strike =',
    '',
    'Eds: Updates with union vote.',
    '',
    '* Dockers accept 4% rise',
    '* Ships berth from Wednesday',
    '',
    'Board and union agree deal after nine days',
    '',
    'By Mara Quill and Tobias Fenn',
    'Reuters',
    '',
    'KESTREL BAY, March 3 (Reuters) - Dockers ended a strike on Tuesday.',
    '',
    '"We held firm," said union chief Ines Albar.',
    '',
    '(Adds quote from board in paragraph 4)',
    '',
    '___',
    '',
    'The board said ships would berth from Wednesday.',
    '(Reporting by Mara Quill; Editing by Tobias Fenn)',
    '',
    'Ines Albar contributed to this report.',
    '',
    'Reuter',
    ''
  ].join('\n')

  it('files every line where it belongs', async () => {
    const {article} = await run(story)
    expect(article).toEqual({
      headline: 'UPDATE 2-Kestrel Bay dockers end strike',
      subheadline: 'Board and union agree deal after nine days',
      bylines: [
        {
          text: 'By Mara Quill and Tobias Fenn, Reuters',
          authors: [
            {name: 'Mara Quill', kind: 'Person'},
            {name: 'Tobias Fenn', kind: 'Person'}
          ],
          agency: 'Reuters'
        }
      ],
      dateline: {
        text: 'KESTREL BAY, March 3 (Reuters) -',
        location: 'KESTREL BAY',
        date: 'March 3',
        agency: 'Reuters'
      },
      body: [
        'Dockers ended a strike on Tuesday.',
        '“We held firm,” said union chief Ines Albar.',
        'The board said ships would berth from Wednesday.'
      ],
      summary: ['Dockers accept 4% rise', 'Ships berth from Wednesday'],
      editorNotes: [
        'Eds: Updates with union vote.',
        '(Adds quote from board in paragraph 4)'
      ],
      captions: [],
      credits: [
        '(Reporting by Mara Quill; Editing by Tobias Fenn)',
        'Ines Albar contributed to this report.'
      ],
      boilerplate: ['Harbour/strike/', 'URGENT', '___', 'Reuter']
    })
  })

  it('reports each line it moves or drops, at its place', async () => {
    const {messages} = await run(story)
    expect(messages).toEqual([
      'input.txt:1:1-1:16: Dropped wire keyword line `Harbour/strike/`',
      'input.txt:2:1-2:7: Dropped wire status line `URGENT`',
      'input.txt:5:1-5:30: Moved editor’s note out of the body: `Eds: Updates with union vote.`',
      'input.txt:7:1-7:25: Moved summary bullet to the summary: `* Dockers accept 4% rise`',
      'input.txt:8:1-8:29: Moved summary bullet to the summary: `* Ships berth from Wednesday`',
      'input.txt:19:1-19:39: Moved editor’s note out of the body: `(Adds quote from board in paragraph 4)`',
      'input.txt:21:1-21:4: Dropped divider line `___`',
      'input.txt:24:1-24:50: Moved credit line to the credits: `(Reporting by Mara Quill; Editing by Tobias Fenn)`',
      'input.txt:26:1-26:39: Moved credit line to the credits: `Ines Albar contributed to this report.`',
      'input.txt:28:1-28:7: Dropped end signature `Reuter`'
    ])
  })

  it('records where the fields came from', async () => {
    const {file} = await run(story)
    const positions = file.data.positions ?? {}
    expect(positions['/headline']).toEqual({
      start: {line: 3, column: 1, offset: 23},
      end: {line: 3, column: 42, offset: 64}
    })
    expect(positions['/bylines/0/authors/1/name']?.start.line).toBe(12)
    expect(positions['/dateline']?.start.line).toBe(15)
    expect(positions['/body/2']?.start.line).toBe(23)
  })
})

describe('extractArticle: header', () => {
  it('takes a masthead above the headline as the publication', async () => {
    const {article} = await run(
      'The Kestrel Gazette\n\nDockers end strike\n\nBy Our Harbour Staff\n\nDockers went back to work.\n'
    )
    expect(compact(article)).toEqual({
      publication: 'The Kestrel Gazette',
      headline: 'Dockers end strike',
      bylines: [
        {
          text: 'By Our Harbour Staff',
          authors: [{name: 'Our Harbour Staff', kind: 'Organization'}]
        }
      ],
      body: ['Dockers went back to work.']
    })
  })

  it('does not take a headline over a sentence for a masthead', async () => {
    const {article} = await run(
      'Dockers end strike after nine days\n\nDockers in Kestrel Bay went back to work.\n\nThe board agreed.\n'
    )
    expect(compact(article)).toEqual({
      headline: 'Dockers end strike after nine days',
      body: ['Dockers in Kestrel Bay went back to work.', 'The board agreed.']
    })
  })

  it('does not take a headline over a byline for a masthead', async () => {
    const {article} = await run(
      'Kestrel Bay Dockers Strike\n\nBy Mara Quill\n\nDockers went back to work.\n'
    )
    expect(article?.publication).toBe(undefined)
    expect(article?.headline).toBe('Kestrel Bay Dockers Strike')
  })

  it('keeps wire prefixes and strips a trailing ` =`', async () => {
    const {article, messages} = await run(
      'REFILE\n1ST LEAD\nUPDATE 1-Ferry sails again =\nBy Mara Quill =\n\nThe ferry sailed.\n'
    )
    expect(messages).toEqual([
      'input.txt:1:1-1:7: Dropped wire status line `REFILE`',
      'input.txt:2:1-2:9: Dropped wire status line `1ST LEAD`'
    ])
    expect(compact(article)).toEqual({
      headline: 'UPDATE 1-Ferry sails again',
      bylines: [
        {text: 'By Mara Quill', authors: [{name: 'Mara Quill', kind: 'Person'}]}
      ],
      body: ['The ferry sailed.'],
      boilerplate: ['REFILE', '1ST LEAD']
    })
  })

  it('files notes and bullets between headline and lead', async () => {
    // Short header lines over long, unwrapped paragraphs: not hard wraps.
    const lead =
      'The ferry to Lindholm sailed at dawn on Tuesday for the first time since dock workers went on strike.'
    const {article} = await run(
      `Ferry sails again\n(Updates with timetable)\n• Service resumes at dawn\nAP Photos\n\n${lead}\n`
    )
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      editorNotes: ['(Updates with timetable)', 'AP Photos'],
      summary: ['Service resumes at dawn'],
      body: [lead]
    })
  })

  it('reads names alone as a byline when a title line follows', async () => {
    const {article} = await run(
      'Ferry sails again\n\nMara Quill and Tobias Fenn\nAssociated Press\n\nLINDHOLM, Norland (AP) — The ferry sailed.\n'
    )
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      bylines: [
        {
          text: 'Mara Quill and Tobias Fenn, Associated Press',
          authors: [
            {name: 'Mara Quill', kind: 'Person'},
            {name: 'Tobias Fenn', kind: 'Person'}
          ],
          agency: 'Associated Press'
        }
      ],
      dateline: {
        text: 'LINDHOLM, Norland (AP) —',
        location: 'LINDHOLM, Norland',
        agency: 'AP'
      },
      body: ['The ferry sailed.']
    })
  })

  it('gives the authors a job title from the line under the byline', async () => {
    const {article} = await run(
      'Ferry sails again\n\nBy Jane Doe\nStaff Reporter\n\nThe ferry sailed.\n'
    )
    expect(article?.bylines).toEqual([
      {
        text: 'By Jane Doe, Staff Reporter',
        authors: [
          {name: 'Jane Doe', kind: 'Person', jobTitle: 'Staff Reporter'}
        ]
      }
    ])
  })

  it('takes a title-like line that opens a longer block as body, not a title', async () => {
    const {article} = await run(
      'Ferry sails again\n\nBy Jane Doe\n\nCritics of the plan\nsaid the ferry sailed late.\nIt was late.\n'
    )
    expect(article?.bylines).toEqual([
      {text: 'By Jane Doe', authors: [{name: 'Jane Doe', kind: 'Person'}]}
    ])
    expect(article?.body[0]).toBe('Critics of the plan')
  })

  it('takes a title standing alone under the byline block', async () => {
    const {article} = await run(
      'Ferry sails again\n\nBy Jane Doe\n\nStaff Reporter\n\nThe ferry sailed.\n'
    )
    expect(article?.bylines[0]?.text).toBe('By Jane Doe, Staff Reporter')
    expect(article?.body).toEqual(['The ferry sailed.'])
  })

  it('takes a byline standing as the first paragraph out of the body', async () => {
    const {article} = await run(
      'Ferry sails again\n\nBy Mara Quill @mquill\n\nThe ferry sailed.\n\nIt was late.\n'
    )
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      bylines: [
        {
          text: 'By Mara Quill @mquill',
          authors: [{name: 'Mara Quill', kind: 'Person', handle: '@mquill'}]
        }
      ],
      body: ['The ferry sailed.', 'It was late.']
    })
  })

  it('keeps a lead that only starts with `By`', async () => {
    const {article} = await run(
      'Ferry sails again\n\nBy noon, the crowd had gone.\n\nThe ferry sailed.\n'
    )
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      body: ['By noon, the crowd had gone.', 'The ferry sailed.']
    })
  })
})

describe('extractArticle: dateline', () => {
  it('takes the dateline out of the first paragraph only', async () => {
    const {article} = await run(
      'Ferry sails again\n\nLindholm, Nov 3 (dpa) - The ferry sailed.\n\nLINDHOLM - a second dateline stays.\n'
    )
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      dateline: {
        text: 'Lindholm, Nov 3 (dpa) -',
        location: 'Lindholm',
        date: 'Nov 3',
        agency: 'dpa'
      },
      body: ['The ferry sailed.', 'LINDHOLM - a second dateline stays.']
    })
  })
})

describe('extractArticle: trailer', () => {
  it.each([
    ['Reuter', 'input.txt:5:1-5:7: Dropped end signature `Reuter`'],
    ['ends', 'input.txt:5:1-5:5: Dropped end signature `ends`'],
    [
      'AP-WF-03-14-2024 1412GMT',
      'input.txt:5:1-5:25: Dropped end signature `AP-WF-03-14-2024 1412GMT`'
    ]
  ])('drops the end signature %j', async (signature, message) => {
    const {article, messages} = await run(
      `Ferry sails again\n\nThe ferry sailed.\n\n${signature}\n`
    )
    expect(messages).toEqual([message])
    expect(article?.body).toEqual(['The ferry sailed.'])
    expect(article?.boilerplate).toEqual([signature])
  })

  it('drops a `___` divider but keeps the paragraphs after it', async () => {
    const {article} = await run(
      'Ferry sails again\n\nThe ferry sailed.\n\n___\n\nIn other news, it rained.\n\nThe port shut.\n'
    )
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      body: [
        'The ferry sailed.',
        'In other news, it rained.',
        'The port shut.'
      ],
      boilerplate: ['___']
    })
  })

  it('moves a credit run on at the end of the last paragraph', async () => {
    const {article, messages} = await run(
      'Ferry sails again\n\nThe ferry sailed.\n\nIt was late, the crew said. (Reporting by Mara Quill; Editing by Tobias Fenn)\n'
    )
    expect(messages).toEqual([
      'input.txt:5:29-5:78: Moved credit line to the credits: `(Reporting by Mara Quill; Editing by Tobias Fenn)`'
    ])
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      body: ['The ferry sailed.', 'It was late, the crew said.'],
      credits: ['(Reporting by Mara Quill; Editing by Tobias Fenn)']
    })
  })

  it('moves a credit wrapped into the last paragraph of wrapped copy', async () => {
    const {article, messages} = await run(
      [
        'Ferry sails again after the strike at the port of Kestrel Bay',
        'KESTREL BAY, March 3 (Reuters) - The ferry to Lindholm sailed',
        'again on Tuesday after dock workers in the port ended a strike',
        'that had kept every ship at its berth for nine days.',
        'The board said the timetable would be back to normal by Friday',
        'and that no sailings would be cancelled over the weekend, it said.',
        '(Reporting by Mara Quill; Editing by Tobias Fenn)',
        ''
      ].join('\n')
    )
    expect(messages).toEqual([
      // No blank lines or indents: `joinHardWraps` split by width and says so.
      'input.txt:5:1: Unexpected paragraph break chosen by line width alone, expected blank lines or a first-line indent between paragraphs; check where paragraphs split (wrap width 66)',
      'input.txt:7:1-7:50: Moved credit line to the credits: `(Reporting by Mara Quill; Editing by Tobias Fenn)`'
    ])
    expect(article?.headline).toBe(
      'Ferry sails again after the strike at the port of Kestrel Bay'
    )
    expect(article?.body).toEqual([
      'The ferry to Lindholm sailed again on Tuesday after dock workers in the port ended a strike that had kept every ship at its berth for nine days.',
      'The board said the timetable would be back to normal by Friday and that no sailings would be cancelled over the weekend, it said.'
    ])
    expect(article?.credits).toEqual([
      '(Reporting by Mara Quill; Editing by Tobias Fenn)'
    ])
  })

  it('keeps a closing parenthesis that is not a credit', async () => {
    const {article} = await run(
      'Ferry sails again\n\nThe ferry sailed (at last).\n\nIt was late. (The crew blamed the tide.)\n'
    )
    expect(article?.body).toEqual([
      'The ferry sailed (at last).',
      'It was late. (The crew blamed the tide.)'
    ])
    expect(article?.credits).toEqual([])
  })

  it('drops a notebook block and everything after it', async () => {
    const {article, messages} = await run(
      'Ferry sails again\n\nThe ferry sailed.\n\n# dpa Notebook\nCall the desk.\nA second line.\n\ndpa xy zz\n'
    )
    expect(messages).toEqual([
      'input.txt:5:1-5:15: Dropped desk notebook line `# dpa Notebook`',
      'input.txt:6:1-6:15: Dropped desk notebook line `Call the desk.`',
      'input.txt:7:1-7:15: Dropped desk notebook line `A second line.`',
      'input.txt:9:1-9:10: Dropped desk notebook line `dpa xy zz`'
    ])
    expect(article?.body).toEqual(['The ferry sailed.'])
  })

  it('drops print and web leftovers wherever they stand', async () => {
    const {article, messages} = await run(
      'Ferry sails again\n\nThe ferry sailed.\n\nContinue reading the main story\n\nIt was late.\n\nNewspapers in English\n\nNewspapers from Norland\n'
    )
    expect(messages).toEqual([
      'input.txt:5:1-5:32: Dropped page leftover `Continue reading the main story`',
      'input.txt:9:1-9:22: Dropped page leftover `Newspapers in English`',
      'input.txt:11:1-11:24: Dropped page leftover `Newspapers from Norland`'
    ])
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      body: ['The ferry sailed.', 'It was late.'],
      boilerplate: [
        'Continue reading the main story',
        'Newspapers in English',
        'Newspapers from Norland'
      ]
    })
  })

  it('moves captions and copyright lines out of the body', async () => {
    const {article} = await run(
      'Ferry sails again\n\nThe ferry sailed.\n\nThe ferry at dawn (AP Photo/Ines Albar)\n\nIt was late.\n\n© 2024 Kestrel Media\n'
    )
    expect(compact(article)).toEqual({
      headline: 'Ferry sails again',
      body: ['The ferry sailed.', 'It was late.'],
      captions: ['The ferry at dawn (AP Photo/Ines Albar)'],
      boilerplate: ['© 2024 Kestrel Media']
    })
  })

  it('shortens long lines in messages', async () => {
    const note = `Eds: ${'x'.repeat(70)}`
    const {messages} = await run(`Ferry sails\n\n${note}\n\nIt sailed.\n`)
    expect(messages).toEqual([
      `input.txt:3:1-3:76: Moved editor’s note out of the body: \`Eds: ${'x'.repeat(52)}…\``
    ])
  })
})

describe('extractArticle: nothing is lost', () => {
  it('puts every body line in the body, in order', async () => {
    const paragraphs = [
      'The ferry sailed at dawn.',
      'Photographers lined the quay.',
      'Copyright lawyers were not consulted.',
      'The reporting by local radio was wrong.',
      'By then the tide had turned.',
      '“Ends well,” the captain said.',
      'Reuters said so too.'
    ]
    const {article, messages} = await run(
      `Ferry sails again\n\n${paragraphs.join('\n\n')}\n`
    )
    expect(messages).toEqual([])
    expect(article?.body).toEqual(paragraphs)
  })

  it('files every line of the blocks somewhere', () => {
    const lines = [
      ['REFILE'],
      ['Ferry sails again'],
      ['Eds: New timetable.'],
      ['By Mara Quill'],
      ['The ferry sailed.', 'It was late.'],
      ['Newspapers in English']
    ]
    const extraction = extract(toBlocks(lines))
    const article = extraction?.article
    expect(article).toEqual({
      headline: 'Ferry sails again',
      bylines: [
        {text: 'By Mara Quill', authors: [{name: 'Mara Quill', kind: 'Person'}]}
      ],
      body: ['The ferry sailed.', 'It was late.'],
      summary: [],
      editorNotes: ['Eds: New timetable.'],
      captions: [],
      credits: [],
      boilerplate: ['REFILE', 'Newspapers in English']
    })
    expect(extraction?.decisions.map((decision) => decision.kind)).toEqual([
      'status',
      'editor-note',
      'leftover'
    ])
  })

  it('gives `undefined` for no blocks', () => {
    expect(extract([])).toBe(undefined)
  })
})

describe('extractArticle: fatal problems', () => {
  it.each([
    ['an empty file', ''],
    ['white space only', '  \n\n \t\n']
  ])('fails on %s with `missing-headline`', async (_name, text) => {
    const {file, messages, article} = await run(text)
    expect(messages).toEqual([
      'input.txt:1:1: Unexpected empty text, expected a headline followed by body paragraphs'
    ])
    expect(file.messages.map((message) => message.fatal)).toEqual([true])
    expect(article).toBe(undefined)
  })

  it('fails on a headline with no body, at the headline', async () => {
    const {file, messages} = await run('\nFerry sails again\n')
    expect(messages).toEqual([
      'input.txt:2:1-2:18: Unexpected empty list at `/body`, expected at least 1 item'
    ])
    expect(file.messages.map((message) => message.ruleId)).toEqual([
      'article-schema'
    ])
    expect(file.messages.map((message) => message.fatal)).toEqual([true])
    expect(file.data.outputs).toBe(undefined)
  })
})

/** Blocks of lines, each line on its own source line. */
function toBlocks(texts: string[][]): Block[] {
  let line = 0
  return texts.map((block) => {
    line++
    return {
      lines: block.map((text) => {
        line++
        return {
          text,
          indent: 0,
          position: {
            start: {line, column: 1},
            end: {line, column: text.length + 1}
          }
        }
      })
    }
  })
}

describe('extractArticle: date lines and short texts', () => {
  it('drops date and reading-time lines around the headline', async () => {
    const {article, messages} = await run(
      [
        'The Fjord Post',
        '',
        'Thursday, May 30, 2024',
        '',
        'Ferry fares rise again',
        '',
        'Updated: 30 May 2024 14.05 BST',
        '4 min read',
        '',
        'By Siri Holm',
        '',
        'Fares on the Lindholm crossing rise 5% from June.',
        ''
      ].join('\n')
    )
    expect(compact(article)).toEqual({
      publication: 'The Fjord Post',
      headline: 'Ferry fares rise again',
      bylines: [
        {text: 'By Siri Holm', authors: [{name: 'Siri Holm', kind: 'Person'}]}
      ],
      body: ['Fares on the Lindholm crossing rise 5% from June.'],
      boilerplate: [
        'Thursday, May 30, 2024',
        'Updated: 30 May 2024 14.05 BST',
        '4 min read'
      ]
    })
    expect(messages).toEqual([
      'input.txt:3:1-3:23: Dropped date line `Thursday, May 30, 2024`',
      'input.txt:7:1-7:31: Dropped date line `Updated: 30 May 2024 14.05 BST`',
      'input.txt:8:1-8:11: Dropped date line `4 min read`'
    ])
  })

  it('takes two short lines as headline and body, not masthead and headline', async () => {
    const {article} = await run('Ferry sails\n\nShips berth again\n')
    expect(compact(article)).toEqual({
      headline: 'Ferry sails',
      body: ['Ships berth again']
    })
  })
})

describe('extractArticle: masthead or headline', () => {
  it('keeps a short Title Case headline over an unpunctuated lead', async () => {
    const {article} = await run(
      [
        'Ferry Fares Rise',
        '',
        'Fares on the Lindholm crossing will rise by five per cent from the start of June',
        '',
        'The operator blamed fuel.',
        ''
      ].join('\n')
    )
    expect(article?.publication).toBe(undefined)
    expect(article?.headline).toBe('Ferry Fares Rise')
    expect(article?.body).toHaveLength(2)
  })

  it('takes a publication name over a headline as the masthead', async () => {
    const {article} = await run(
      'Fjord Daily News\n\nFerry fares rise\n\nFares rise 5% in June.\n'
    )
    expect(article?.publication).toBe('Fjord Daily News')
    expect(article?.headline).toBe('Ferry fares rise')
  })
})

describe('extractArticle: a heading or a caption between paragraphs', () => {
  const story = (middle: string) =>
    `Harbour board backs new ferry route\n\nThe harbour board approved a ferry route to the islands on Monday, after a year of talks.\n\n${middle}\n\nThe first ferry sails in June, the board said.\n\nTickets go on sale in May.\n`

  it('keeps a sentence-long line with no stop as a paragraph, with an info at the line', async () => {
    const {article, file} = await run(
      story('The new ferry waits at the north pier before its first crossing')
    )
    expect(article?.body).toHaveLength(4)
    expect(
      file.messages
        .filter((message) => message.ruleId === 'heading-or-caption')
        .map((message) => [String(message), message.fatal])
    ).toEqual([
      [
        'input.txt:5:1-5:64: Unexpected line `The new ferry waits at the north pier before its first cr…` of 12 words with no closing punctuation between paragraphs, expected a sentence; kept it as a paragraph, it may be a heading or a photo caption',
        // An info: vfile leaves `fatal` undefined, a warning has `false`.
        undefined
      ]
    ])
  })

  it('says nothing of a short heading, a list item or a closed sentence', async () => {
    for (const middle of [
      'What the route means',
      '1. The islands get a daily ferry from the north pier in June',
      'The new ferry waits at the north pier before its first crossing.'
    ]) {
      const {file} = await run(story(middle))
      expect(
        file.messages.filter(
          (message) => message.ruleId === 'heading-or-caption'
        )
      ).toEqual([])
    }
  })
})
