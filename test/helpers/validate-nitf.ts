// Validate NITF against the vendored IPTC NITF 3.6 XSD with xmllint compiled
// to WebAssembly, so that the tests need no system libxml2. Documents are
// given as text (UTF-8) or as bytes in the encoding their declaration names
// (libxml2 reads UTF-8, ISO-8859-1 and US-ASCII without iconv).
import {readFile} from 'node:fs/promises'
import {validateXML, type XMLFileInfo} from 'xmllint-wasm'

const schemaFolder = new URL('../../schemas/nitf/', import.meta.url)
const nitfNamespace = 'http://iptc.org/std/NITF/2006-10-18/'

interface SchemaFiles {
  schema: XMLFileInfo
  /** Files the main XSD imports and includes, under the names it uses. */
  preload: XMLFileInfo[]
}

// Read once per process: every test file shares the same three files.
let schemaFiles: Promise<SchemaFiles> | undefined

/** Validate `xml` against the NITF 3.6 XSD; resolves to xmllint's errors (`[]` when valid). */
export async function validateNitf(
  xml: string | Uint8Array
): Promise<string[]> {
  const {schema, preload} = await nitfSchemaFiles()
  const result = await validateXML({
    xml: {fileName: 'document.nitf.xml', contents: xml},
    schema: [schema],
    preload
  })
  // Not well-formed input is reported here too, with xmllint's excerpt lines.
  return result.errors.map((error) => error.rawMessage)
}

/** The XSD and the files it imports, read once per process. */
export function nitfSchemaFiles(): Promise<SchemaFiles> {
  schemaFiles ??= loadSchemaFiles()
  return schemaFiles
}

async function loadSchemaFiles(): Promise<SchemaFiles> {
  const [schema, ...preload] = await Promise.all(
    ['nitf-3-6.xsd', 'xml.xsd', 'nitf-3-6-ruby-include.xsd'].map(
      async (fileName): Promise<XMLFileInfo> => ({
        fileName,
        contents: await readFile(new URL(fileName, schemaFolder), 'utf8')
      })
    )
  )
  if (!schema) throw new Error('Unexpected missing NITF XSD')
  return {schema, preload}
}

/**
 * Validate a bare-root NITF (`<nitf>` without a namespace) the way careful
 * producers do: the XSD has a target namespace, so a bare document can only
 * be valid as a copy with the IPTC namespace declared on its root (every
 * NITF element is global, so the default namespace reaches all of them).
 * A root that already declares a namespace is reported, not validated.
 */
export async function validateBareNitf(
  xml: string | Uint8Array
): Promise<string[]> {
  const namespaced = withNamespace(xml)
  if (namespaced === undefined) {
    return ['Unexpected root: expected a bare `<nitf>` without `xmlns`']
  }
  return validateNitf(namespaced)
}

/** Canonical XML (C14N, UTF-8 text) of a document: equal for equal infosets, whatever the encoding or escaping. */
export async function canonicalXml(xml: string | Uint8Array): Promise<string> {
  const result = await validateXML({
    xml: {fileName: 'document.xml', contents: xml},
    normalization: 'c14n'
  })
  if (result.errors.length > 0) {
    throw new Error(result.errors.map((error) => error.rawMessage).join('\n'))
  }
  return result.normalized
}

/**
 * `xml` with the IPTC namespace declared on a bare `<nitf>` root, in the
 * same encoding; `undefined` if the root is not a bare `nitf`.
 */
export function withNamespace<T extends string | Uint8Array>(
  xml: T
): T | undefined {
  // Latin-1 maps every byte to one character and back: the splice below
  // touches ASCII only, so the bytes of any ASCII-compatible encoding survive.
  const text =
    typeof xml === 'string' ? xml : Buffer.from(xml).toString('latin1')
  const root = /<nitf(?=[\s/>])([^>]*)>/.exec(text)
  if (!root || /\sxmlns[\s=:]/.test(root[1] ?? '')) return undefined
  const at = root.index + '<nitf'.length
  const result = `${text.slice(0, at)} xmlns="${nitfNamespace}"${text.slice(at)}`
  return (
    typeof xml === 'string'
      ? result
      : new Uint8Array(Buffer.from(result, 'latin1'))
  ) as T
}
