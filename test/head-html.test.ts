// The page head: tags from the article and its metadata, attribute values
// escaped by hast-util-to-html, and the JSON-LD escaped for `<script>`.
import {describe, expect, it} from 'vitest'
import {resolveFacts} from '../pipeline/emit/facts.js'
import {renderHead, scriptSafeJson} from '../pipeline/emit/to-head-html.js'
import {toJsonLd} from '../pipeline/emit/to-jsonld.js'
import type {Article, ArticleContext} from '../pipeline/types.js'

const article: Article = {
  headline: 'Quay reopens "early" </script><!-- & more',
  bylines: [
    {
      text: 'By Ines Moreau and Ola Dahl',
      authors: [
        {name: 'Ines Moreau', kind: 'Person'},
        {name: 'Ola Dahl', kind: 'Person'}
      ]
    }
  ],
  body: ['The quay reopened on Monday.\u2028It had been shut for a year.'],
  summary: [],
  editorNotes: [],
  captions: [],
  credits: [],
  boilerplate: []
}

const context: ArticleContext = {
  path: 'quay.txt',
  storyId: 'quay',
  meta: {
    url: 'https://port.example/quay',
    datePublished: '2024-04-01T06:00:00+02:00',
    dateModified: '2024-04-01T09:30:00+02:00',
    section: 'Harbour',
    keywords: ['quay', 'port'],
    language: 'en',
    images: [
      {
        url: 'https://port.example/quay.jpg',
        width: 1200,
        height: 675,
        caption: 'The quay at dawn'
      }
    ]
  },
  config: {
    publisher: {name: 'Port Gazette', url: 'https://port.example/'},
    authors: [{name: 'Ines Moreau', url: 'https://port.example/staff/ines'}]
  }
}

describe('scriptSafeJson', () => {
  it('escapes what could end a script, open a comment or end a JS line', () => {
    const text = scriptSafeJson({a: '</script><!-- & \u2028\u2029 >'})
    expect(text).toBe(
      '{\n  "a": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e"\n}'
    )
    expect(JSON.parse(text)).toEqual({a: '</script><!-- & \u2028\u2029 >'})
  })
})

describe('renderHead', () => {
  const html = renderHead(resolveFacts(article, context))
  const lines = html.split('\n')

  it('writes the canonical link, description, Open Graph and Twitter tags', () => {
    expect(lines.slice(0, 22)).toEqual([
      '<link rel="canonical" href="https://port.example/quay">',
      '<meta name="description" content="The quay reopened on Monday.\u2028It had been shut for a year.">',
      '<meta property="og:type" content="article">',
      '<meta property="og:title" content="Quay reopens &#x22;early&#x22; </script><!-- &#x26; more">',
      '<meta property="og:description" content="The quay reopened on Monday.\u2028It had been shut for a year.">',
      '<meta property="og:url" content="https://port.example/quay">',
      '<meta property="og:image" content="https://port.example/quay.jpg">',
      '<meta property="og:image:width" content="1200">',
      '<meta property="og:image:height" content="675">',
      '<meta property="og:image:alt" content="The quay at dawn">',
      '<meta property="og:site_name" content="Port Gazette">',
      '<meta property="og:locale" content="en">',
      '<meta property="article:published_time" content="2024-04-01T06:00:00+02:00">',
      '<meta property="article:modified_time" content="2024-04-01T09:30:00+02:00">',
      '<meta property="article:author" content="https://port.example/staff/ines">',
      '<meta property="article:author" content="Ola Dahl">',
      '<meta property="article:section" content="Harbour">',
      '<meta property="article:tag" content="quay">',
      '<meta property="article:tag" content="port">',
      '<meta name="twitter:card" content="summary_large_image">',
      '<meta name="twitter:title" content="Quay reopens &#x22;early&#x22; </script><!-- &#x26; more">',
      '<meta name="twitter:description" content="The quay reopened on Monday.\u2028It had been shut for a year.">'
    ])
  })

  it('embeds the same JSON-LD graph, escaped so the script cannot be broken', () => {
    const match =
      /<script type="application\/ld\+json">([\s\S]*)<\/script>\n$/.exec(html)
    const script = match?.[1] ?? ''
    expect(script).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(script)).toEqual(toJsonLd(resolveFacts(article, context)))
    // One script element; a `</script>` inside a quoted attribute is text.
    expect(html.match(/<script/g)).toHaveLength(1)
  })

  it('leaves out tags it has no value for', () => {
    const bare = renderHead(
      resolveFacts(article, {
        path: 'quay.txt',
        storyId: 'quay',
        meta: {},
        config: {}
      })
    )
    expect(bare).not.toContain('canonical')
    expect(bare).not.toContain('og:image')
    expect(bare).not.toContain('article:published_time')
    expect(bare).toContain('<meta name="twitter:card" content="summary">')
  })
})
