// Stage 6, emit: reads `file.data.article` and `file.data.context`, writes
// `file.data.outputs`: the serialized JSON-LD, NITF and page head tags, keyed by the suffix
// each is written under. Emitters are pure functions of the article and its
// context. Emits no messages.
import type {VFile} from 'vfile'
import {renderHead} from './to-head-html.js'
import {serializeJsonLd, toJsonLd} from './to-jsonld.js'
import {serializeNitf, toNitf} from './to-nitf.js'

/** Serialize the validated article to every output format. */
export default function emitDocuments() {
  return (_tree: unknown, file: VFile): undefined => {
    const {article, context} = file.data
    if (!article || !context) return
    file.data.outputs = {
      '.jsonld': serializeJsonLd(toJsonLd(article, context)),
      '.nitf.xml': serializeNitf(toNitf(article, context)),
      '.head.html': renderHead(article, context)
    }
  }
}
