// `parseDateline`: every form named in pipeline/parse-dateline.ts, and lines
// that look like datelines but are prose.
import {describe, expect, it} from 'vitest'
import {parseDateline} from '../pipeline/rules/parse-dateline.js'

describe('parseDateline: forms wires send', () => {
  it.each([
    [
      'NEW YORK, Feb 26 - Grain prices rose.',
      {text: 'NEW YORK, Feb 26 -', location: 'NEW YORK', date: 'Feb 26'},
      19
    ],
    [
      'NEW YORK, Feb 26 (Reuters) - Grain prices rose.',
      {
        text: 'NEW YORK, Feb 26 (Reuters) -',
        location: 'NEW YORK',
        date: 'Feb 26',
        agency: 'Reuters'
      },
      29
    ],
    [
      'Jan 30 (Reuters) - Oil fell.',
      {text: 'Jan 30 (Reuters) -', date: 'Jan 30', agency: 'Reuters'},
      19
    ],
    [
      'PORT ALDER, Norland (AP) — The ferry sailed late.',
      {
        text: 'PORT ALDER, Norland (AP) —',
        location: 'PORT ALDER, Norland',
        agency: 'AP'
      },
      27
    ],
    [
      'VELMORA, Nov 26 AFP - Talks began.',
      {
        text: 'VELMORA, Nov 26 AFP -',
        location: 'VELMORA',
        date: 'Nov 26',
        agency: 'AFP'
      },
      22
    ],
    [
      'VELMORA, Aug 29, 2014 (AFP) - A barge sank.',
      {
        text: 'VELMORA, Aug 29, 2014 (AFP) -',
        location: 'VELMORA',
        date: 'Aug 29, 2014',
        agency: 'AFP'
      },
      30
    ],
    [
      'Lindholm (dpa) - Talks resumed.',
      {text: 'Lindholm (dpa) -', location: 'Lindholm', agency: 'dpa'},
      17
    ],
    [
      'Lindholm, Nov 3 (dpa) - Talks resumed.',
      {
        text: 'Lindholm, Nov 3 (dpa) -',
        location: 'Lindholm',
        date: 'Nov 3',
        agency: 'dpa'
      },
      24
    ],
    [
      'Lindholm, Nov 3 - Talks resumed.',
      {text: 'Lindholm, Nov 3 -', location: 'Lindholm', date: 'Nov 3'},
      18
    ],
    ['KESTREL —  Rain fell.', {text: 'KESTREL —', location: 'KESTREL'}, 11],
    ['KESTREL -- Rain fell.', {text: 'KESTREL --', location: 'KESTREL'}, 11],
    [
      'ST. ODO, Mo. (AP) — Rain fell.',
      {text: 'ST. ODO, Mo. (AP) —', location: 'ST. ODO, Mo.', agency: 'AP'},
      20
    ],
    [
      'Porto da Serra (AP) - The band played.',
      {text: 'Porto da Serra (AP) -', location: 'Porto da Serra', agency: 'AP'},
      22
    ],
    [
      'VELMORA, Sept. 3rd, 2020 (AFP) - Rain fell.',
      {
        text: 'VELMORA, Sept. 3rd, 2020 (AFP) -',
        location: 'VELMORA',
        date: 'Sept. 3rd, 2020',
        agency: 'AFP'
      },
      33
    ],
    ['OSK: Prices rose.', {text: 'OSK:', location: 'OSK'}, 5],
    [
      'UR, May 2 (AP) - Digging resumed.',
      {text: 'UR, May 2 (AP) -', location: 'UR', date: 'May 2', agency: 'AP'},
      17
    ]
  ])('%j', (text, dateline, length) => {
    expect(parseDateline(text)).toEqual({dateline, length})
  })

  it('leaves the rest of the paragraph after `length`', () => {
    const text = 'KESTREL, May 2 (AP) — The ferry sailed.'
    const match = parseDateline(text)
    expect(text.slice(match?.length)).toBe('The ferry sailed.')
  })
})

describe('parseDateline: prose is not a dateline', () => {
  it.each([
    'The mayor said - after a pause - nothing.',
    'US President Hal Monroe - who spoke first - said no.',
    '"We won," she said - and left.',
    '“KESTREL — here we come,” the fans sang.',
    // Under three letters, with no date or agency: a word, not a place.
    'A - list stars came.',
    'I - for one - agree.',
    'OK - fine then.',
    'UN - The council met.',
    // A dateline opens a paragraph that goes on.
    'KESTREL (Reuters) -',
    'Lindholm - Talks resumed.',
    'Feb 26 - Grain prices rose.',
    ''
  ])('%j', (text) => {
    expect(parseDateline(text)).toBe(undefined)
  })
})

describe('parseDateline: a newsroom name alone', () => {
  it('reads `(Harbour TV) —` as an agency with no place', () => {
    expect(parseDateline('(Harbour TV) — The strike ended on Monday.')).toEqual(
      {
        dateline: {text: '(Harbour TV) —', agency: 'Harbour TV'},
        length: 15
      }
    )
  })

  it('leaves a parenthetical aside in prose alone', () => {
    expect(
      parseDateline('(and not for the first time) the ferry was late.')
    ).toBe(undefined)
  })
})

describe('parseDateline: a title-case place before an en or em dash', () => {
  it.each([
    [
      'Lakeford – Several thousand teachers rallied on the lawn on Tuesday.',
      'Lakeford –'
    ],
    [
      'Lakeford, Ill. — Ann Quill threw for three touchdowns on Tuesday night.',
      'Lakeford, Ill. —'
    ]
  ])('%j', (text, dateline) => {
    expect(parseDateline(text)?.dateline.text).toBe(dateline)
  })

  it.each([
    'But — Several thousand teachers rallied on the lawn on Tuesday.',
    'Lakeford — the town where teachers rallied on the lawn on Tuesday.',
    'Netflix – The plans ahead',
    'Lakeford - Several thousand teachers rallied on the lawn on Tuesday.'
  ])('leaves %j alone', (text) => {
    expect(parseDateline(text)).toBe(undefined)
  })
})
