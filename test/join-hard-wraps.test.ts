// `joinHardWraps` run alone on the parsed tree: what each line break of the
// source means, read through `toBlocks` (the blocks of lines `segmentBlocks`
// builds), and the layout analysis on its own.
import {describe, expect, it} from 'vitest'
import joinHardWraps, {
  analyzeLayout,
  classifyBreak,
  toSourceLine
} from '../pipeline/join-hard-wraps.js'
import {toBlocks} from '../pipeline/segment-blocks.js'
import {runStage} from './helpers/run-stage.js'

/** The text of every line, block by block, after joining `text`. */
async function blocksOf(text: string): Promise<string[][] | undefined> {
  // No stage before it: `joinHardWraps` reads the decoded text and rewrites
  // white space, which `normalizeCharacters`, `normalizeWire` and
  // `smartPunctuation` do not touch.
  const {tree} = await runStage(text, [joinHardWraps])
  return (
    tree && toBlocks(tree).map((block) => block.lines.map((line) => line.text))
  )
}

const lead =
  'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday after the harbour board agreed to a pay rise, union leaders said.'
const second =
  'The board said ships would berth again from Wednesday morning and that the backlog would be cleared soon.'
const third =
  'Union chief Ines Albar told a rally outside the gates that members had voted by a wide margin to accept.'

describe('joinHardWraps: paragraphs', () => {
  it('keeps blank-line paragraphs and single breaks of unwrapped text', async () => {
    expect(
      await blocksOf(
        'Dockers end strike\n\nDockers went back to work.\nShips berthed.\n\n\nThe board agreed.\n'
      )
    ).toEqual([
      ['Dockers end strike'],
      ['Dockers went back to work.', 'Ships berthed.'],
      ['The board agreed.']
    ])
  })

  it('joins hard-wrapped lines and keeps the lines that end short', async () => {
    expect(
      await blocksOf(
        [
          'Dockers end strike',
          '',
          'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday',
          'after the harbour board agreed to a pay rise, union leaders',
          'said.',
          'The board said ships would berth again from Wednesday morning and',
          'that the backlog would be cleared soon.',
          'Union chief Ines Albar told a rally outside the gates that',
          'members had voted by a wide margin to accept.',
          ''
        ].join('\n')
      )
    ).toEqual([['Dockers end strike'], [lead, second, third]])
  })

  it('splits paragraphs marked only by indentation', async () => {
    expect(
      await blocksOf(
        [
          'Dockers end strike',
          '    Dock workers in Kestrel Bay ended a nine-day strike on',
          'Tuesday after the harbour board agreed to a pay rise, union',
          'leaders said.',
          '    The board said ships would berth again.',
          '    The backlog would be cleared soon, it said.',
          '    Union chief Ines Albar told a rally outside the gates that',
          'members had voted by a wide margin to accept.',
          ''
        ].join('\n')
      )
    ).toEqual([
      ['Dockers end strike'],
      [lead],
      ['The board said ships would berth again.'],
      ['The backlog would be cleared soon, it said.'],
      [third]
    ])
  })

  it('joins a line that ends early when lower case goes on', async () => {
    expect(
      await blocksOf(
        [
          'Dockers end strike',
          '',
          'KESTREL BAY, March 3 (Reuters) -',
          'dock workers in Kestrel Bay ended a nine-day strike on Tuesday',
          'after the harbour board agreed to a pay rise, and the',
          'board said ships would berth again from Wednesday morning and',
          'that the backlog would be cleared soon.',
          ''
        ].join('\n')
      )
    ).toEqual([
      ['Dockers end strike'],
      [
        'KESTREL BAY, March 3 (Reuters) - dock workers in Kestrel Bay ended a nine-day strike on Tuesday after the harbour board agreed to a pay rise, and the board said ships would berth again from Wednesday morning and that the backlog would be cleared soon.'
      ]
    ])
  })

  it('turns no-break and other wide spaces into plain spaces', async () => {
    expect(
      await blocksOf('Dockers\u00a0end strike\n\nThe\u202fboard\u2007agreed.\n')
    ).toEqual([['Dockers end strike'], ['The board agreed.']])
  })
})

describe('joinHardWraps: header lines of a hard-wrapped file', () => {
  it('keeps status, headline and byline lines apart', async () => {
    expect(
      await blocksOf(
        [
          'REFILE',
          '1ST LEAD',
          'Dockers in Kestrel Bay end nine-day strike after pay deal =',
          'By Mara Quill =',
          'KESTREL BAY, March 3 (Reuters) - Dock workers in the port of',
          'Kestrel Bay ended a nine-day strike on Tuesday after the harbour',
          'board agreed to a pay rise, union leaders said.',
          'The board said ships would berth again from Wednesday morning and',
          'that the backlog would be cleared soon.',
          ''
        ].join('\n')
      )
    ).toEqual([
      [
        'REFILE',
        '1ST LEAD',
        'Dockers in Kestrel Bay end nine-day strike after pay deal =',
        'By Mara Quill =',
        'KESTREL BAY, March 3 (Reuters) - Dock workers in the port of Kestrel Bay ended a nine-day strike on Tuesday after the harbour board agreed to a pay rise, union leaders said.',
        second
      ]
    ])
  })

  it('does not run a long headline on into the dateline', async () => {
    expect(
      await blocksOf(
        [
          'Dockers in Kestrel Bay end their nine-day strike after a pay deal',
          'KESTREL BAY, March 3 (Reuters) - Dock workers in the port of',
          'Kestrel Bay ended a nine-day strike on Tuesday after the harbour',
          'board agreed to a pay rise, union leaders said.',
          'The board said ships would berth again from Wednesday morning and',
          'that the backlog would be cleared soon.',
          ''
        ].join('\n')
      )
    ).toEqual([
      [
        'Dockers in Kestrel Bay end their nine-day strike after a pay deal',
        'KESTREL BAY, March 3 (Reuters) - Dock workers in the port of Kestrel Bay ended a nine-day strike on Tuesday after the harbour board agreed to a pay rise, union leaders said.',
        second
      ]
    ])
  })
})

describe('analyzeLayout', () => {
  const wrapped = [
    'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday',
    'after the harbour board agreed to a pay rise, union leaders',
    'said.',
    'The board said ships would berth again from Wednesday morning and',
    'that the backlog would be cleared soon.'
  ]

  it('measures the wrap width of wrapped text', () => {
    expect(analyzeLayout(wrapped.map(toSourceLine))).toEqual({
      wrapWidth: 65,
      hardWrapped: true,
      paragraphIndent: 0,
      blankLineParagraphs: false
    })
  })

  it('does not call short or blank-separated lines wrapped', () => {
    const lines = ['Dockers end strike', '', 'Ships berthed.', 'It rained.']
    expect(analyzeLayout(lines.map(toSourceLine))).toEqual({
      wrapWidth: 14,
      hardWrapped: false,
      paragraphIndent: 0,
      blankLineParagraphs: false
    })
  })

  it('measures the width from lines of several words, not an overlong token', () => {
    const url = `https://example.com/${'a'.repeat(120)}`
    const lines = [
      'The council voted on the bridge plan after months',
      'of debate, and the residents said they would appeal',
      url,
      'against it. The harbour budget was cut for the third',
      'year running, the minister said on Tuesday.'
    ]
    expect(analyzeLayout(lines.map(toSourceLine))).toEqual({
      wrapWidth: 52,
      hardWrapped: true,
      paragraphIndent: 0,
      blankLineParagraphs: false
    })
  })

  it('does not call short header lines over long paragraphs wrapped', () => {
    const lines = [
      'Ferry sails again',
      '(Updates with timetable)',
      '• Service resumes at dawn',
      'AP Photos',
      '',
      'The ferry to Lindholm sailed at dawn on Tuesday for the first time.'
    ]
    expect(analyzeLayout(lines.map(toSourceLine))).toEqual({
      wrapWidth: 25,
      hardWrapped: false,
      paragraphIndent: 0,
      blankLineParagraphs: false
    })
  })

  it('finds an indent that recurs, not a stray one', () => {
    const recurring = ['One', '  Two', 'goes on.', '  Three', 'goes on.']
    expect(analyzeLayout(recurring.map(toSourceLine)).paragraphIndent).toBe(2)
    const stray = ['One line.', '  goes on.', 'Two.']
    expect(analyzeLayout(stray.map(toSourceLine)).paragraphIndent).toBe(0)
  })
})

describe('classifyBreak', () => {
  const layout = {
    wrapWidth: 65,
    hardWrapped: true,
    paragraphIndent: 0,
    blankLineParagraphs: false
  }
  const line = (text: string) => toSourceLine(text)

  it.each([
    // The next word would not have fitted: a soft wrap.
    [
      'The board said ships would berth again from Wednesday morning and',
      'that the backlog would be cleared soon.',
      ' '
    ],
    // The next word would have fitted: a real line break.
    ['union leaders said.', 'The board said ships would berth.', '\n'],
    // Ended early, but the sentence runs on in lower case.
    ['KESTREL BAY, March 3 (Reuters) -', 'dock workers went home.', ' '],
    // ` =` ends a header line even at full width.
    [
      'Dockers in Kestrel Bay end nine-day strike after the pay deal =',
      'By Mara Quill =',
      '\n'
    ],
    // A dateline with date or agency starts a lead.
    [
      'Dockers in Kestrel Bay end their nine-day strike after a pay deal',
      'KESTREL BAY, March 3 (Reuters) - Dock workers went home.',
      '\n'
    ],
    // A blank line after.
    ['union leaders said.', '', '\n']
  ])('%j + %j -> %j', (before, after, expected) => {
    expect(classifyBreak(line(before), line(after), layout)).toBe(expected)
  })

  it('never joins lines of text that is not hard-wrapped', () => {
    const unwrapped = {
      wrapWidth: 20,
      hardWrapped: false,
      paragraphIndent: 0,
      blankLineParagraphs: false
    }
    expect(classifyBreak(line('Ships'), line('berthed.'), unwrapped)).toBe('\n')
  })

  it('splits at the paragraph indent, joins shallower lines', () => {
    const indented = {
      wrapWidth: 65,
      hardWrapped: true,
      paragraphIndent: 4,
      blankLineParagraphs: false
    }
    expect(classifyBreak(line('Ships.'), line('    Then'), indented)).toBe(
      '\n\n'
    )
    expect(classifyBreak(line('    Ships.'), line('    Then'), indented)).toBe(
      '\n\n'
    )
    expect(classifyBreak(line('    Ships'), line('  went'), indented)).toBe(' ')
  })
})

describe('toSourceLine', () => {
  it('measures indent and width', () => {
    expect(toSourceLine('   Ships berthed.  ')).toEqual({
      text: 'Ships berthed.',
      indent: 3,
      width: 17
    })
    expect(toSourceLine('   ')).toEqual({text: '', indent: 0, width: 0})
  })
})

describe('joinHardWraps: paragraphs marked by blank lines', () => {
  // A wrapper that does not fill every line (old wire copy): some lines end
  // a word or two short of the width in the middle of a sentence.
  const marked = [
    'Dockers end strike',
    '',
    'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday',
    'after the harbour board agreed to a pay rise, union leaders',
    'said at a rally outside the main gates of the container port.',
    '',
    'The board said ships from Norway, Chile, Spain, Japan, the',
    'U.S. And Canada would berth again from Wednesday morning and',
    'that the backlog would be cleared within the coming fortnight.',
    '',
    'Union chief Ines Albar said members had voted by a margin of',
    'Nine to one to accept the offer that the harbour board made.',
    ''
  ].join('\n')

  it('joins a line that ends short inside a blank-line paragraph', async () => {
    expect(await blocksOf(marked)).toEqual([
      ['Dockers end strike'],
      [
        'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday after the harbour board agreed to a pay rise, union leaders said at a rally outside the main gates of the container port.'
      ],
      [
        'The board said ships from Norway, Chile, Spain, Japan, the U.S. And Canada would berth again from Wednesday morning and that the backlog would be cleared within the coming fortnight.'
      ],
      [
        'Union chief Ines Albar said members had voted by a margin of Nine to one to accept the offer that the harbour board made.'
      ]
    ])
  })

  it('says nothing about widths when blank lines mark paragraphs', async () => {
    const {file} = await runStage(marked, [joinHardWraps])
    expect(file.messages.map(String)).toEqual([])
  })

  it('keeps header lines, bylines, lists and credits on their lines', async () => {
    expect(
      await blocksOf(
        [
          'Dockers end strike after pay deal',
          'Union says members voted by a wide margin.',
          '',
          'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday',
          'after the harbour board agreed to a pay rise, union leaders',
          'said at a rally outside the main gates of the container port.',
          '',
          'Kestrel Bay dockers go back to work after the pay deal',
          'By Mara Quill',
          '',
          'The board said the backlog would be cleared within a fortnight',
          'and that crews would work through the weekend.',
          '(Reporting by Mara Quill; Editing by Tom Reyes)',
          '',
          'Ships due this week from ports in the north:',
          '- Nordvik, Tuesday, with timber and paper for the mills',
          '- Puerto Sal, Thursday',
          ''
        ].join('\n')
      )
    ).toEqual([
      [
        'Dockers end strike after pay deal',
        'Union says members voted by a wide margin.'
      ],
      [
        'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday after the harbour board agreed to a pay rise, union leaders said at a rally outside the main gates of the container port.'
      ],
      [
        'Kestrel Bay dockers go back to work after the pay deal',
        'By Mara Quill'
      ],
      [
        'The board said the backlog would be cleared within a fortnight and that crews would work through the weekend.',
        '(Reporting by Mara Quill; Editing by Tom Reyes)'
      ],
      [
        'Ships due this week from ports in the north:',
        '- Nordvik, Tuesday, with timber and paper for the mills',
        '- Puerto Sal, Thursday'
      ]
    ])
  })

  it('keeps a status line apart from the header line that ends in ` =`', async () => {
    const layout = {
      wrapWidth: 65,
      hardWrapped: true,
      paragraphIndent: 0,
      blankLineParagraphs: true
    }
    expect(
      classifyBreak(
        toSourceLine(
          'Dockers in Kestrel Bay end nine-day strike after pay deal'
        ),
        toSourceLine('By Mara Quill ='),
        layout
      )
    ).toBe('\n')
  })
})

describe('joinHardWraps: paragraphs split by width alone', () => {
  const unmarked = [
    'Dockers end strike',
    '',
    'Dock workers in Kestrel Bay ended a nine-day strike on Tuesday',
    'after the harbour board agreed to a pay rise, union leaders',
    'said.',
    'The board said ships would berth again from Wednesday morning and',
    'that the backlog would be cleared soon.',
    'Union chief Ines Albar told a rally outside the gates that',
    'members had voted by a wide margin to accept.',
    ''
  ].join('\n')

  it('reports the first split the wrap width alone decided', async () => {
    const {file} = await runStage(unmarked, [joinHardWraps])
    expect(file.messages.map(String)).toEqual([
      'input.txt:6:1: Unexpected paragraph break chosen by line width alone, expected blank lines or a first-line indent between paragraphs; check where paragraphs split (wrap width 65)'
    ])
    expect(file.messages[0]?.ruleId).toBe('paragraphs-by-width')
    expect(file.messages[0]?.fatal).toBeUndefined()
  })

  it('joins a line that ends on a word no sentence ends on', () => {
    const layout = {
      wrapWidth: 65,
      hardWrapped: true,
      paragraphIndent: 0,
      blankLineParagraphs: false
    }
    expect(
      classifyBreak(
        toSourceLine('Bad weather in the next weeks could push the'),
        toSourceLine('Board back into the market, analysts said.'),
        layout
      )
    ).toBe(' ')
  })
})

describe('analyzeLayout: blank-line paragraphs', () => {
  it('finds blank lines that end paragraphs, not one under the headline', () => {
    const marked = [
      'Ships berth again',
      '',
      'The ferry to Lindholm sailed at dawn on Tuesday for the first',
      'time in a week, the operator said.',
      '',
      'The harbour board said the strike had cost the port dearly and',
      'that the backlog would take a fortnight to clear.',
      '',
      'Union leaders said members voted by a wide margin to go back.',
      ''
    ]
    expect(analyzeLayout(marked.map(toSourceLine)).blankLineParagraphs).toBe(
      true
    )
    const unmarked = [
      'Ships berth again',
      '',
      'The ferry to Lindholm sailed at dawn on Tuesday for the first',
      'time in a week, the operator said.',
      'The harbour board said the strike had cost the port dearly and',
      'that the backlog would take a fortnight to clear.',
      'Union leaders said members voted by a wide margin.',
      ''
    ]
    expect(analyzeLayout(unmarked.map(toSourceLine)).blankLineParagraphs).toBe(
      false
    )
  })
})
