// What every output of every article must satisfy, whatever the input: the
// invariants the property tests (`test/properties.test.ts`) and the fuzz
// script (`scripts/fuzz.ts`) assert. XSD validation is costly per call, so
// NITF documents are validated in batches (`validateNitfBatch`).

import {isDeepStrictEqual} from 'node:util'
import type {Element as HastElement, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {VFile} from 'vfile'
import type {Element as XastElement, Root as XastRoot} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {validateXML} from 'xmllint-wasm'
import {xmlIllegalCharacter} from '../../pipeline/emit/xml-characters.js'
import {officialNinjsErrors} from './official-ninjs.js'
import {treeText as hastText, treeText as xmlText} from './tree-text.js'
import {nitfSchemaFiles} from './validate-nitf.js'

/** Problems with the outputs of one processed file (`[]` when none). */
export function checkOutputs(file: VFile): string[] {
  const problems: string[] = []
  const internal = file.messages.find(
    (message) => message.ruleId === 'internal-error'
  )
  if (internal) problems.push(`internal error: ${internal.reason}`)
  const fatal = file.messages.some((message) => message.fatal)
  const outputs = file.data.outputs
  if (fatal && outputs) problems.push('outputs set on a fatal file')
  if (!outputs) {
    if (!fatal) problems.push('no outputs and no fatal message')
    return problems
  }

  const jsonld = outputs['.jsonld']
  const nitf = outputs['.nitf.xml']
  const head = outputs['.head.html']
  if (typeof jsonld !== 'string' || typeof nitf !== 'string') {
    return [...problems, 'missing `.jsonld` or `.nitf.xml` text']
  }
  if (typeof head !== 'string') return [...problems, 'missing `.head.html`']

  for (const [suffix, value] of Object.entries(outputs)) {
    const text = typeof value === 'string' ? value : value.toString('latin1')
    xmlIllegalCharacter.lastIndex = 0
    if (xmlIllegalCharacter.test(text)) {
      problems.push(`XML-illegal character in \`${suffix}\``)
    }
  }

  let document: unknown
  try {
    document = JSON.parse(jsonld)
  } catch (error) {
    return [...problems, `\`.jsonld\` is not JSON: ${String(error)}`]
  }
  const article = newsArticleOf(document)
  if (!article) return [...problems, 'no NewsArticle node in the JSON-LD']
  if (hasIllegalString(document)) {
    problems.push('XML-illegal character in a JSON-LD value')
  }

  problems.push(...checkHead(head, document))

  const paragraphs =
    typeof article.articleBody === 'string'
      ? article.articleBody.split('\n\n')
      : []
  let tree: XastRoot
  try {
    tree = fromXml(nitf)
  } catch (error) {
    return [...problems, `NITF is not well-formed: ${String(error)}`]
  }
  const nitfParagraphs = elements(tree, 'body.content')
    .flatMap((content) => childElements(content, 'p'))
    .map(xmlText)
  if (!isDeepStrictEqual(nitfParagraphs, paragraphs)) {
    problems.push(
      `NITF paragraphs differ from \`articleBody\`: ${JSON.stringify(nitfParagraphs)} against ${JSON.stringify(paragraphs)}`
    )
  }
  if (paragraphs.some((paragraph) => paragraph.trim() === '')) {
    problems.push('an empty paragraph in `articleBody`')
  }
  problems.push(...checkNinjs(outputs['.ninjs.json'], paragraphs))
  const entry = file.data.feedEntry
  if (entry && !isDeepStrictEqual(entry.body, paragraphs)) {
    problems.push('the feed entry body differs from `articleBody`')
  }
  return problems
}

/** The ninjs is valid and holds every paragraph, in both of its bodies. */
function checkNinjs(ninjs: unknown, paragraphs: string[]): string[] {
  if (typeof ninjs !== 'string') return ['missing `.ninjs.json` text']
  const document = JSON.parse(ninjs) as {
    bodies?: Array<{contenttype?: string; value?: string}>
  }
  const problems = officialNinjsErrors(document).map(
    (error) => `ninjs: ${error}`
  )
  const plain = document.bodies?.find(
    (body) => body.contenttype === 'text/plain'
  )
  if (plain?.value !== paragraphs.join('\n\n')) {
    problems.push('the ninjs plain body differs from `articleBody`')
  }
  const html = document.bodies?.find((body) => body.contenttype === 'text/html')
  const htmlParagraphs = descendants(
    fromHtml(html?.value ?? '', {fragment: true})
  )
    .filter((element) => element.tagName === 'p')
    .map(hastText)
  if (!isDeepStrictEqual(htmlParagraphs, paragraphs)) {
    problems.push('the ninjs HTML body differs from `articleBody`')
  }
  return problems
}

/** The body paragraphs of a built file, from its JSON-LD. */
export function bodyParagraphs(file: VFile): string[] | undefined {
  const jsonld = file.data.outputs?.['.jsonld']
  if (typeof jsonld !== 'string') return undefined
  const body = newsArticleOf(JSON.parse(jsonld))?.articleBody
  return typeof body === 'string' ? body.split('\n\n') : []
}

/**
 * The page head, read as a browser reads it (parse5, through hast): exactly
 * one JSON-LD script, whose text is the JSON-LD document; nothing in any
 * field may close the script, open a comment or add an element.
 */
function checkHead(head: string, document: unknown): string[] {
  const problems: string[] = []
  const tree: HastRoot = fromHtml(head, {fragment: true})
  const found = descendants(tree)
  const scripts = found.filter((element) => element.tagName === 'script')
  if (scripts.length !== 1) {
    problems.push(`the head has ${scripts.length} scripts, expected 1`)
  }
  const [script] = scripts
  if (script) {
    try {
      const embedded: unknown = JSON.parse(
        script.children
          .map((child) => (child.type === 'text' ? child.value : ''))
          .join('')
      )
      if (!isDeepStrictEqual(embedded, document)) {
        problems.push('the head script is not the JSON-LD document')
      }
    } catch (error) {
      problems.push(`the head script is not JSON: ${String(error)}`)
    }
  }
  const allowed = new Set(['meta', 'link', 'script', 'title'])
  for (const element of found) {
    if (!allowed.has(element.tagName)) {
      problems.push(`unexpected \`<${element.tagName}>\` in the head`)
    }
  }
  if (tree.children.some((child) => child.type === 'comment')) {
    problems.push('a comment in the head')
  }
  return problems
}

interface NewsArticleNode {
  articleBody?: unknown
  headline?: unknown
}

function newsArticleOf(document: unknown): NewsArticleNode | undefined {
  if (typeof document !== 'object' || document === null) return undefined
  const graph = (document as {'@graph'?: unknown})['@graph']
  const nodes = Array.isArray(graph) ? graph : [document]
  return nodes.find((node: {'@type'?: unknown}) => {
    const type = node['@type']
    return Array.isArray(type)
      ? type.includes('NewsArticle')
      : type === 'NewsArticle'
  })
}

function hasIllegalString(value: unknown): boolean {
  if (typeof value === 'string') {
    xmlIllegalCharacter.lastIndex = 0
    return xmlIllegalCharacter.test(value)
  }
  if (Array.isArray(value)) return value.some(hasIllegalString)
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(hasIllegalString)
  }
  return false
}

function descendants(node: HastRoot | HastElement): HastElement[] {
  return node.children.flatMap((child) =>
    child.type === 'element' ? [child, ...descendants(child)] : []
  )
}

function elements(node: XastRoot | XastElement, name: string): XastElement[] {
  return node.children.flatMap((child) =>
    child.type === 'element'
      ? [...(child.name === name ? [child] : []), ...elements(child, name)]
      : []
  )
}

function childElements(node: XastElement, name: string): XastElement[] {
  return node.children.filter(
    (child): child is XastElement =>
      child.type === 'element' && child.name === name
  )
}

/** A NITF document and what to name it when it fails validation. */
export interface NitfCase {
  label: string
  xml: string
}

/**
 * Validate many NITF documents against the XSD in one xmllint run; resolves
 * to the failures, each with its case's label and xmllint's errors.
 */
export async function validateNitfBatch(
  cases: readonly NitfCase[]
): Promise<Array<{label: string; errors: string[]}>> {
  if (cases.length === 0) return []
  const {schema, preload} = await nitfSchemaFiles()
  const names = cases.map((_, index) => `case-${index}.nitf.xml`)
  const result = await validateXML({
    xml: cases.map((item, index) => ({
      fileName: names[index] ?? '',
      contents: item.xml
    })),
    schema: [schema],
    preload
  })
  const byName = new Map<string, string[]>()
  for (const error of result.errors) {
    const name = error.loc?.fileName ?? ''
    byName.set(name, [...(byName.get(name) ?? []), error.rawMessage])
  }
  // An error xmllint could not place fails every case: better loud than lost.
  const unplaced = [...byName.entries()].filter(
    ([name]) => !names.includes(name)
  )
  return cases.flatMap((item, index) => {
    const errors = [
      ...(byName.get(names[index] ?? '') ?? []),
      ...unplaced.flatMap(([, messages]) => messages)
    ]
    return errors.length > 0 ? [{label: item.label, errors}] : []
  })
}
