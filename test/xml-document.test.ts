// The XML writer every XML output shares (`pipeline/emit/xml-document.ts`,
// used by the feeds, the news sitemap and NITF): markup characters as the
// five predefined entities, never as numeric references, so that readers
// that decode only those (fast-xml-parser with its defaults) read the text
// back as written; markup, comments, processing instructions and CDATA left
// alone; characters XML forbids dropped; characters outside a NITF
// encoding still numeric references.
import fc from 'fast-check'
import {XMLParser} from 'fast-xml-parser'
import {describe, expect, test} from 'vitest'
import type {Element, Root} from 'xast'
import {x} from 'xastscript'
import {serializeNitf} from '../pipeline/emit/serialize-nitf.js'
import {xmlIllegalCharacter} from '../pipeline/emit/xml-characters.js'
import {
  escapedText,
  predefinedEntities,
  xmlDocument
} from '../pipeline/emit/xml-document.js'

const indented = {
  encoding: 'UTF-8',
  elementOnly: (element: Element) => element.name === 'root'
}
const notIndented = {encoding: 'UTF-8', elementOnly: () => false}

// Written by hand, not taken from any corpus.
const hostile =
  'Shares of <AAPL> jump; AT&T "holds" \'firm\' ]]> &amp; &#x3C; 🎉 שלום مرحبا \u0007bell'
const hostileClean =
  'Shares of <AAPL> jump; AT&T "holds" \'firm\' ]]> &amp; &#x3C; 🎉 שלום مرحبا bell'

/** Numeric references to the characters the predefined entities cover. */
const numericMarkup = /&#(?:x0*(?:26|3C|3E|22|27)|0*(?:38|60|62|34|39));/i

describe('escapedText', () => {
  test('escapes `&`, `<` and `>` as entities, drops what XML forbids', () => {
    expect(escapedText('a & b < c > d ]]> \u0001\uFFFE')).toEqual([
      {type: 'raw', value: 'a &amp; b &lt; c &gt; d ]]&gt; '}
    ])
  })

  test('gives no node for no text', () => {
    expect(escapedText('')).toEqual([])
    expect(escapedText('\u0000\u0008')).toEqual([])
  })
})

describe('predefinedEntities', () => {
  test('rewrites the references xast-util-to-xml writes', () => {
    expect(predefinedEntities('<a b="&#x26;&#x3C;&#x22;">&#x3E;</a>')).toBe(
      '<a b="&amp;&lt;&quot;">&gt;</a>'
    )
  })

  test('leaves comments, processing instructions, CDATA and the doctype alone', () => {
    const untouched = [
      '<!-- &#x26; -->',
      '<?pi &#x3C; ?&#x3E; ?>',
      '<![CDATA[&#x26;]]>',
      '<!DOCTYPE nitf SYSTEM "a&#x26;b>c.dtd">'
    ]
    for (const markup of untouched) {
      expect(predefinedEntities(`${markup}<a>&#x26;</a>`)).toBe(
        `${markup}<a>&amp;</a>`
      )
    }
  })

  test('leaves other references alone', () => {
    expect(predefinedEntities('<a>&#xE9; &#x2019; &#38; &amp;</a>')).toBe(
      '<a>&#xE9; &#x2019; &#38; &amp;</a>'
    )
  })
})

describe('xmlDocument', () => {
  test('hostile text and attributes: entities only, read back as written', () => {
    const xml = xmlDocument(
      x('root', [x('item', {label: hostile}, hostile), x('empty')]),
      indented
    )
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<root>',
        '  <item label="Shares of &lt;AAPL> jump; AT&amp;T &quot;holds&quot; \'firm\' ]]> &amp;amp; &amp;#x3C; 🎉 שלום مرحبا bell">Shares of &lt;AAPL&gt; jump; AT&amp;T "holds" \'firm\' ]]&gt; &amp;amp; &amp;#x3C; 🎉 שלום مرحبا bell</item>',
        '  <empty/>',
        '</root>',
        ''
      ].join('\n')
    )
    expect(xml).not.toMatch(numericMarkup)
    // fast-xml-parser with its defaults: text only, entities decoded.
    expect(new XMLParser().parse(xml)).toEqual({
      '?xml': '',
      root: {item: hostileClean, empty: ''}
    })
    const withAttributes = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: ''
    }).parse(xml) as {root: {item: {label: string; '#text': string}}}
    expect(withAttributes.root.item).toEqual({
      label: hostileClean,
      '#text': hostileClean
    })
  })

  test('any text and attribute value reads back as written, illegal characters dropped', () => {
    const reader = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      ignoreDeclaration: true
    })
    // Line ends and tabs are left out: XML readers normalize them.
    const value = fc
      .string({unit: 'binary', minLength: 1})
      .filter((text) => !/[\t\n\r]/.test(text))
    fc.assert(
      fc.property(value, (text) => {
        const clean = text.replace(xmlIllegalCharacter, '')
        fc.pre(clean !== '')
        const xml = xmlDocument(x('a', {v: text}, text), notIndented)
        expect(xml).not.toMatch(numericMarkup)
        expect(reader.parse(xml)).toEqual({a: {v: clean, '#text': clean}})
      }),
      {numRuns: 500}
    )
  })
})

describe('serializeNitf', () => {
  const tree = (text: string): Root => ({
    type: 'root',
    children: [
      x('nitf', [
        {type: 'comment', value: ' kept: &#x26; '},
        x('body', [x('body.content', [x('p', {class: text}, text)])])
      ])
    ]
  })

  test('UTF-8: entities for markup, every other character as itself', () => {
    const xml = serializeNitf(tree('café <b> & “ok” 😀'))
    expect(xml).toContain('<!-- kept: &#x26; -->')
    expect(xml).toContain(
      '<p class="café &lt;b> &amp; “ok” 😀">café &lt;b&gt; &amp; “ok” 😀</p>'
    )
  })

  test('ISO-8859-1: entities for markup, numeric references outside the encoding', () => {
    const xml = serializeNitf(tree('café <b> & “ok” 😀'), {
      encoding: 'iso-8859-1'
    })
    expect(xml).toContain(
      '<p class="café &lt;b> &amp; &#x201C;ok&#x201D; &#x1F600;">café &lt;b&gt; &amp; &#x201C;ok&#x201D; &#x1F600;</p>'
    )
  })

  test('a raw node is text: its markup escaped', () => {
    expect(
      serializeNitf({
        type: 'root',
        children: [x('nitf', [{type: 'raw', value: '<evil/>'}])]
      })
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<nitf>&lt;evil/&gt;</nitf>\n'
    )
  })
})
