// Line classes by shape: every `LineKind` with lines that are that kind, and
// ordinary sentences that use the same words but must stay body text.
import {describe, expect, it} from 'vitest'
import {
  classifyEndSectionLine,
  classifyEnvelopeLine,
  classifyHeaderLine,
  classifyLine,
  classifyTrailingLine
} from '../pipeline/rules/classify-line.js'

describe('classifyEnvelopeLine', () => {
  it.each([
    ['REFILE', 'status'],
    ['1ST LEAD', 'status'],
    ['2ND WRITETHRU', 'status'],
    ['UPDATE 2', 'status'],
    ['URGENT =', 'status'],
    ['CORRECTED', 'status'],
    ['Norland/harbour/strike/', 'envelope'],
    ['Kestrel/', 'envelope'],
    ['BC-Norland-Harbour-Strike', 'envelope']
  ])('%j is %j', (line, kind) => {
    expect(classifyEnvelopeLine(line)).toBe(kind)
  })

  it.each([
    'UPDATE 2-Kestrel dockers end strike',
    'LEAD singer quits band',
    'Dockers end strike',
    'Refile the claim, the judge said.',
    'and/or'
  ])('%j is a headline, not envelope', (line) => {
    expect(classifyEnvelopeLine(line)).toBe(undefined)
  })
})

describe('classifyLine', () => {
  it.each([
    ['# dpa Notebook', 'notebook'],
    ['## Notebook', 'notebook'],
    ['This item is not intended for publication', 'notebook'],
    ['___', 'divider'],
    ['---', 'divider'],
    ['* * *', 'divider'],
    ['Eds: Updates with vote count.', 'editor-note'],
    ['Editor’s note: This story has strong language.', 'editor-note'],
    ['(Adds quote from mayor in paragraph 5)', 'editor-note'],
    ['(Updates throughout)', 'editor-note'],
    ['AP Photos', 'editor-note'],
    ['* Port reopens after strike', 'summary'],
    ['• Talks resume Monday', 'summary'],
    ['Continue reading the main story', 'leftover'],
    ['Advertisement', 'leftover'],
    ['Newspapers in English', 'leftover'],
    ['Newspapers from Norland', 'leftover'],
    ['Printed and distributed by PressReader', 'leftover'],
    ['Read more: Why ports matter', 'leftover'],
    ['Sign up for our morning newsletter', 'leftover'],
    ['© 2024 Kestrel Media', 'copyright'],
    ['Copyright 2024 Kestrel Media. All rights reserved.', 'copyright'],
    ['(c) Kestrel Media', 'copyright'],
    ['Reporting by Mara Quill; Editing by Tobias Fenn', 'credit'],
    ['(Reporting by Mara Quill; Editing by Tobias Fenn)', 'credit'],
    ['Additional reporting by Ines Albar', 'credit'],
    ['Ines Albar contributed to this report.', 'credit'],
    ['Photo: Ines Albar', 'caption'],
    ['PHOTO - A crane at the port.', 'caption'],
    ['Dockers rest at the quay (AP Photo/Ines Albar)', 'caption']
  ])('%j is %j', (line, kind) => {
    expect(classifyLine(line)).toBe(kind)
  })

  it.each([
    // notebook
    'The notebook was found in a drawer.',
    // divider
    'A - B',
    // editor-note
    'The eds said no.',
    '(The mayor adds that rain fell.)',
    // summary
    '*Not a bullet',
    '2 * 3 = 6',
    // leftover
    'The advertisement ran twice.',
    'Continue reading, she said, and smiled.',
    // copyright
    'The copyright expired in 1990.',
    'Copyright lawyers met on Monday.',
    // credit
    'The reporting by local media was wrong.',
    // caption
    'The photo showed a crane at dawn.',
    'Photographs were taken: many.',
    // signature words inside a sentence
    'The strike ends today.',
    'Reuters said so.'
  ])('%j stays body text', (line) => {
    expect(classifyLine(line)).toBe(undefined)
    expect(classifyTrailingLine(line)).toBe(undefined)
  })
})

describe('classifyTrailingLine', () => {
  it.each([
    'Reuter',
    'Reuters',
    'ends',
    'END',
    '-30-',
    '(end)',
    'AP-WF-03-14-2024 1412GMT',
    'dpa ab xy'
  ])('%j is a signature at the end', (line) => {
    expect(classifyTrailingLine(line)).toBe('signature')
    expect(classifyLine(line)).toBe(undefined)
  })

  it('classifies other lines as `classifyLine` does', () => {
    expect(classifyTrailingLine('Newspapers in English')).toBe('leftover')
  })
})

describe('timestamps', () => {
  it.each([
    '2024-05-30',
    '2024-05-30 14:05',
    'Thursday, May 30, 2024',
    '30 May 2024',
    'Updated: 30 May 2024 14.05 BST',
    'Published May 30, 2024 at 9:15 a.m. EDT',
    '3 hours ago',
    '4 min read'
  ])('%j is a date line', (line) => {
    expect(classifyLine(line)).toBe('timestamp')
    expect(classifyEnvelopeLine(line)).toBe('timestamp')
  })

  it.each([
    'On May 30, 2024 the council met.',
    'May 30, 2024 was a Thursday, the clerk noted.',
    '2024 was a record year'
  ])('%j stays body', (line) => {
    expect(classifyLine(line)).toBe(undefined)
  })
})

describe('credits end their line', () => {
  it('keeps a sentence that only mentions contributing to a report', () => {
    expect(
      classifyLine(
        'Two analysts contributed to this report’s findings, the agency said.'
      )
    ).toBe(undefined)
  })

  it.each([
    'Lena Brandt in Oslo contributed to this report.',
    'Ola Dahl contributed reporting.',
    '(Ola Dahl contributed to this story)'
  ])('%j is a credit', (line) => {
    expect(classifyLine(line)).toBe('credit')
  })
})

describe('more page and wire leftovers', () => {
  it.each([
    ['Follow Siri Holm on Twitter at https://twitter.com/siriholm', 'leftover'],
    ['Photo', 'leftover'],
    ['Video', 'leftover'],
    ['Our Standards: The Harbour Trust Principles.', 'leftover'],
    ['((siri.holm@wire.example; +47 555 0100))', 'leftover'],
    ['Credit Siri Holm/The Fjord Post', 'caption'],
    ['(Add details on fares)', 'editor-note'],
    ['(Update 1, adds quote)', 'editor-note']
  ])('%j is %j', (line, kind) => {
    expect(classifyLine(line)).toBe(kind)
  })

  it.each([
    'Follow the money, the auditor said.',
    'Photos of the ferry spread online within minutes.',
    'Credit unions lent more this year.'
  ])('%j stays body', (line) => {
    expect(classifyLine(line)).toBe(undefined)
  })
})

describe('credits and slugs that are prose or markup', () => {
  it('keeps a sentence that opens with `Reporting by`', () => {
    expect(
      classifyLine(
        'Reporting by the harbour inspectors showed that fares rose.'
      )
    ).toBe(undefined)
  })

  it('takes a credit of names with places as a credit', () => {
    expect(
      classifyLine('Reporting by Siri Holm in Oslo; Editing by Ola Dahl')
    ).toBe('credit')
  })

  it('does not take markup with slashes for a keyword line', () => {
    expect(classifyEnvelopeLine('<b>Ferry</b> </script><!--')).toBe(undefined)
  })
})

describe('editor initials at the end', () => {
  it.each(['(jh/rg)', '(ab-cd)', '(kl)'])('%j is a signature', (line) => {
    expect(classifyTrailingLine(line)).toBe('signature')
  })

  it.each(['(NATO)', '(and more)'])('%j is not', (line) => {
    expect(classifyTrailingLine(line)).toBe(undefined)
  })
})

describe('header envelope and note rows', () => {
  it.each([
    'f2708 reute',
    'r f BC-ACME-PROFITS   03-31 0091',
    'C G L M f0549 reute u f BC-ACME-NEWS 04-07 0111',
    'bdt0123 4 wi 211',
    '/economy/Portvale/ports/'
  ])('`%s` is an envelope line', (text) => {
    expect(classifyEnvelopeLine(text)).toBe('envelope')
  })

  it.each(['3RD NET', '2ND LEAD', '1ST ADD'])(
    '`%s` is a status line',
    (text) => {
      expect(classifyEnvelopeLine(text)).toBe('status')
    }
  )

  it.each([
    'ADDS quotes from harbour master',
    'UPDATES: With AP Photos.',
    'RECASTS. ADD details from police.',
    '(Graphic+Picture)',
    'With AP Photos.',
    'Will be updated'
  ])('`%s` is a note under the headline', (text) => {
    expect(classifyHeaderLine(text)).toBe('editor-note')
  })

  it.each([
    'NEW YORK (AP) — Ferries returned.',
    'ADDISON, Texas — The mayor said.',
    'Updates to the timetable are due on Monday.'
  ])('`%s` is no note', (text) => {
    expect(classifyHeaderLine(text)).toBeUndefined()
  })
})

describe('end notes and wire signatures at the end', () => {
  it.each([
    ['AFP sn', 'signature'],
    ['hh/ph/ts/hd', 'signature'],
    ['(BusinessDesk)', 'signature'],
    ['-0-', 'divider'],
    ['Ana Dane reported from Lisbon.', 'end-note'],
    ['Ana Dane can be reached at ana@example.com.', 'end-note'],
    ['Online: https://example.org', 'end-note'],
    [
      'This report by Ana Dane was first published by the Quay Post.',
      'end-note'
    ],
    ['First published on 2 May 2024.', 'end-note'],
    ['Powered by Quaytech', 'end-note'],
    ['($1 = 0.92 euros)', 'end-note'],
    ['Ana Dane is a staff writer at the Quay Post.', 'end-note'],
    ['Quay Life: our series on harbour towns. Check it out here.', 'end-note'],
    [
      'Quay Tales: short fiction set in ports, only at the Post. Here.',
      'end-note'
    ]
  ])('%j is %j at the end', (line, kind) => {
    expect(classifyTrailingLine(line)).toBe(kind)
  })

  it.each([
    'AFP sn',
    'Ana Dane reported from Lisbon.',
    'Powered by Quaytech',
    '(BusinessDesk)'
  ])('%j is left to the end only', (line) => {
    expect(classifyLine(line)).toBe(undefined)
  })

  it.each([
    'AFP said on Monday.',
    'TV/DVD',
    '(Applause)',
    'Officials reported from the quay that all was calm.',
    'Powered by wind, the ferry crossed in an hour.',
    'The harbour master is a former reporter.',
    'He paid $1 = a bargain.',
    'Update: the full timetable is posted at the quay, over here.'
  ])('%j stays body text at the end', (line) => {
    expect(classifyTrailingLine(line)).toBe(undefined)
  })
})

describe('leftovers and credited captions anywhere', () => {
  it.each([
    ['(Graphic+Picture)', 'leftover'],
    ['(Video)', 'leftover'],
    ['— Ana Dane (@anadane) May 4, 2024', 'leftover'],
    ['The quay at dawn. Ana Dane / Quay Images', 'caption'],
    ['The quay at dawn.CreditAna Dane for The Quay Post', 'caption']
  ])('%j is %j', (line, kind) => {
    expect(classifyLine(line)).toBe(kind)
  })

  it.each([
    '(Video games sold well.)',
    'The quay reopened. Ana Dane said so.',
    'Shares of Acme/Quay Lines rose.'
  ])('%j stays body text', (line) => {
    expect(classifyLine(line)).toBe(undefined)
  })
})

describe('classifyEndSectionLine', () => {
  it.each([
    ['About Acme Quays', 'Acme Quays builds ferries.'],
    ['About Acme Quays Inc.', 'Founded in 1990, Acme builds ferries.'],
    ['Media Contact:', 'Ana Dane'],
    ['Investor Relations', 'Ana Dane'],
    ['Forward-Looking Statements', 'This release holds statements.'],
    ['Safe Harbor Statement', 'This release holds statements.'],
    ['SOURCE Acme Quays', undefined],
    ['Attachments', undefined],
    ['View original content: https://example.com', undefined]
  ])('%j opens the end matter', (line, next) => {
    expect(classifyEndSectionLine(line, next)).toBe('end-note')
  })

  it.each([
    ['About Lisbon', 'The city has seven hills.'],
    ['About 300 people came to the quay.', 'They cheered.'],
    ['Source: the harbour office', undefined],
    ['Contact with the ferry was lost at noon.', undefined]
  ])('%j does not', (line, next) => {
    expect(classifyEndSectionLine(line, next)).toBe(undefined)
  })
})
