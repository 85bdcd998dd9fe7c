// Validate NITF against the vendored IPTC NITF 3.6 XSD with xmllint compiled
// to WebAssembly, so that the tests need no system libxml2.
import {readFile} from 'node:fs/promises'
import {validateXML, type XMLFileInfo} from 'xmllint-wasm'

const schemaFolder = new URL('../../schemas/nitf/', import.meta.url)

interface SchemaFiles {
  schema: XMLFileInfo
  /** Files the main XSD imports and includes, under the names it uses. */
  preload: XMLFileInfo[]
}

// Read once per process: every test file shares the same three files.
let schemaFiles: Promise<SchemaFiles> | undefined

/** Validate `xml` against the NITF 3.6 XSD; resolves to xmllint's errors (`[]` when valid). */
export async function validateNitf(xml: string): Promise<string[]> {
  schemaFiles ??= loadSchemaFiles()
  const {schema, preload} = await schemaFiles
  const result = await validateXML({
    xml: {fileName: 'document.nitf.xml', contents: xml},
    schema: [schema],
    preload
  })
  // Not well-formed input is reported here too, with xmllint's excerpt lines.
  return result.errors.map((error) => error.rawMessage)
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
