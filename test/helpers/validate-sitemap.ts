// Validate news sitemaps and sitemap indexes against the vendored
// sitemaps.org XSDs and copydesk's news.xsd with xmllint compiled to WebAssembly.
// sitemap.xsd lets `url` end with elements of other namespaces under
// `processContents="strict"`: `news:news` is only valid if its declaration
// is loaded too. xmllint takes one `--schema`, so a two-line driver schema
// imports both namespaces and the XSDs are preloaded under the names it uses.
import {readFile} from 'node:fs/promises'
import {validateXML, type XMLFileInfo} from 'xmllint-wasm'

const schemaFolder = new URL('../../schemas/sitemaps/', import.meta.url)

// Written here, not vendored: it only says which two schemas apply together.
const newsSitemapDriver = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="news.xsd"/>
</xsd:schema>
`

const files = new Map<string, Promise<XMLFileInfo>>()

/** A vendored XSD, read once per process. */
function schemaFile(fileName: string): Promise<XMLFileInfo> {
  let file = files.get(fileName)
  if (!file) {
    file = readFile(new URL(fileName, schemaFolder), 'utf8').then(
      (contents) => ({fileName, contents})
    )
    files.set(fileName, file)
  }
  return file
}

/** xmllint's errors for `xml` against `schema` (`[]` when valid). */
async function validate(
  xml: string,
  schema: XMLFileInfo,
  preload: XMLFileInfo[]
): Promise<string[]> {
  const result = await validateXML({
    xml: {fileName: 'document.xml', contents: xml},
    schema: [schema],
    preload
  })
  return result.errors.map((error) => error.rawMessage)
}

/** Validate a news sitemap (`urlset`) against sitemap.xsd and copydesk's news.xsd. */
export async function validateNewsSitemap(xml: string): Promise<string[]> {
  return validate(
    xml,
    {fileName: 'news-sitemap-driver.xsd', contents: newsSitemapDriver},
    await Promise.all([schemaFile('sitemap.xsd'), schemaFile('news.xsd')])
  )
}

/** Validate a sitemap against sitemap.xsd alone, without the news XSD. */
export async function validateWithSitemapXsdOnly(
  xml: string
): Promise<string[]> {
  return validate(xml, await schemaFile('sitemap.xsd'), [])
}

/** Validate a sitemap index against siteindex.xsd. */
export async function validateSitemapIndex(xml: string): Promise<string[]> {
  return validate(xml, await schemaFile('siteindex.xsd'), [])
}
