// Offline schema.org term check for JSON-LD documents in tests: expands with
// jsonld.js against the vendored schema.org context, `@vocab` removed, so a
// property or type that is not a schema.org term is reported, not mapped.
import {readFile} from 'node:fs/promises'
import jsonld, {
  type ContextDefinition,
  type JsonLdDocument,
  type Options
} from 'jsonld'
import type {RemoteDocument} from 'jsonld/jsonld-spec.js'

const schemaOrgNamespace = 'http://schema.org/'
const schemaOrgContextUrl = /^https?:\/\/schema\.org\/?$/
const absoluteIri = /^[a-z][a-z\d+.-]*:/i

interface JsonLdEvent {
  code: string
  message: string
  details?: {property?: string; type?: string}
}

// @types/jsonld describes jsonld 1.x; jsonld 8 reports dropped terms through
// `eventHandler` (its `expansionMap` is gone).
type ExpandOptions = Options.Expand & {
  eventHandler: (info: {event: JsonLdEvent; next: () => void}) => void
}

interface StrictContext {
  /** The context document to serve for `https://schema.org`. */
  document: {'@context': ContextDefinition}
  /** Every IRI the context names as a schema.org term. */
  terms: Set<string>
}

// Read once per process. jsonld.js also caches resolved contexts by URL per
// process, so no other loader may serve schema.org in the same test worker.
let strictContext: Promise<StrictContext> | undefined

/**
 * Expand `document` offline and return one message per property or type that
 * is not a schema.org term (`[]` when every term is known).
 */
export async function checkJsonLdTerms(document: object): Promise<string[]> {
  strictContext ??= loadStrictContext()
  const {document: context, terms} = await strictContext
  const messages: string[] = []

  const options: ExpandOptions = {
    async documentLoader(url: string): Promise<RemoteDocument> {
      if (schemaOrgContextUrl.test(url)) {
        return {documentUrl: url, document: context}
      }
      throw new Error(`Unexpected fetch of \`${url}\`, expected offline use`)
    },
    eventHandler({event}) {
      if (event.code === 'invalid property') {
        messages.push(
          `Unexpected property \`${event.details?.property}\`, expected a schema.org term`
        )
      } else if (event.code === 'relative @type reference') {
        messages.push(
          `Unexpected type \`${event.details?.type}\`, expected a schema.org term`
        )
      } else {
        messages.push(`Unexpected JSON-LD: ${event.code}: ${event.message}`)
      }
    }
  }

  const expanded = await jsonld.expand(document as JsonLdDocument, options)
  // Terms that expand to absolute IRIs (`schema:headlinez`, `ex:thing`) raise
  // no event; check what survived against the context's schema.org terms.
  checkExpandedIris(expanded, terms, messages)
  return messages
}

async function loadStrictContext(): Promise<StrictContext> {
  const url = new URL(
    '../../schemas/schemaorg/schemaorgcontext.jsonld',
    import.meta.url
  )
  const document = JSON.parse(await readFile(url, 'utf8')) as {
    '@context': ContextDefinition
  }
  delete document['@context']['@vocab']

  const terms = new Set<string>()
  for (const [term, definition] of Object.entries(document['@context'])) {
    const id =
      typeof definition === 'object' && definition !== null
        ? (definition as {'@id'?: unknown})['@id']
        : definition
    if (id === `schema:${term}`) terms.add(schemaOrgNamespace + term)
  }

  return {document, terms}
}

function checkExpandedIris(
  value: unknown,
  terms: Set<string>,
  messages: string[]
): void {
  if (Array.isArray(value)) {
    for (const item of value) checkExpandedIris(item, terms, messages)
    return
  }
  if (typeof value !== 'object' || value === null) return
  // A value object's `@type` is a datatype (`schema:Date`), not a node type.
  if ('@value' in value) return

  for (const [key, child] of Object.entries(value)) {
    if (key === '@type') {
      for (const type of [child].flat()) {
        // A relative type was already reported by its expansion event.
        if (typeof type !== 'string' || !absoluteIri.test(type)) continue
        if (!terms.has(type)) {
          messages.push(
            `Unexpected type \`${type}\`, expected a schema.org term`
          )
        }
      }
      continue
    }
    if (!key.startsWith('@') && !terms.has(key)) {
      messages.push(
        `Unexpected property \`${key}\`, expected a schema.org term`
      )
    }
    checkExpandedIris(child, terms, messages)
  }
}
