// Stage 6, emit: reads `file.data.article` and `file.data.context`, writes
// `file.data.outputs`: the serialized JSON-LD, one NITF per partner profile
// (`.nitf.xml` for the default, `config.nitf.profiles` for the others), the
// page head tags and the ninjs, keyed by the suffix each is written under;
// and `file.data.feedEntry`, what the whole-build feeds and news sitemap need.
// Emitters are pure functions of the article and its context.
// ruleIds: `nitf-profile-collision` (fatal: two outputs with one file name),
// `invalid-ninjs` (fatal: a copydesk bug).
import type {VFile} from 'vfile'
import {wantsFeedEntries} from './emit/channel-settings.js'
import {type NitfProfile, nitfProfiles} from './emit/nitf-profile.js'
import {ninjsSuffix} from './emit/output-names.js'
import {encodeNitf, serializeNitf} from './emit/serialize-nitf.js'
import {toFeedEntry} from './emit/to-feed-entry.js'
import {renderHead} from './emit/to-head-html.js'
import {pageFacts, serializeJsonLd, toJsonLd} from './emit/to-jsonld.js'
import {serializeNinjs, toNinjs} from './emit/to-ninjs.js'
import {toNitf} from './emit/to-nitf.js'
import {ninjsErrors} from './emit/validate-ninjs.js'
import {fail} from './messages.js'
import type {Article, ArticleContext, Outputs} from './types.js'

/** Serialize the validated article to every output format. */
export default function emitDocuments() {
  return (_tree: unknown, file: VFile): undefined => {
    const {article, context} = file.data
    if (!article || !context) return

    // Worked out once: the page head embeds the same graph.
    const facts = pageFacts(article, context)
    const graph = toJsonLd(article, context, facts)
    const outputs: Outputs = {'.jsonld': serializeJsonLd(graph)}
    // Claimed suffixes, lower-cased: `a.X.xml` and `a.x.xml` are one file on
    // the file systems of macOS and Windows.
    const owners = new Map<string, string>([
      ['.jsonld', 'the JSON-LD'],
      ['.head.html', 'the page head']
    ])
    const ninjs = context.config.ninjs ?? true
    if (ninjs) owners.set(ninjsSuffix, 'the ninjs')
    let collided = false
    for (const profile of nitfProfiles(context.config)) {
      const owner = owners.get(profile.suffix.toLowerCase())
      if (owner) {
        fail(
          file,
          `Unexpected NITF profile \`${profile.name}\` writing \`<stem>${profile.suffix}\`, which ${owner} writes too, expected one output per file name; give the profile another \`suffix\` in \`copydesk.config.json\``,
          'nitf-profile-collision'
        )
        collided = true
        continue
      }
      owners.set(profile.suffix.toLowerCase(), `profile \`${profile.name}\``)
      outputs[profile.suffix] = renderNitf(article, context, profile)
    }
    if (collided) return

    outputs['.head.html'] = renderHead(article, context, facts, graph)
    if (ninjs) {
      const document = toNinjs(article, context, facts)
      const problems = ninjsErrors(document)
      if (problems.length > 0) {
        fail(
          file,
          `Unexpected invalid ninjs (${problems.join('; ')}), expected a document valid against ninjs 2.2; this is a copydesk bug, please report it`,
          'invalid-ninjs'
        )
        return
      }
      outputs[ninjsSuffix] = serializeNinjs(document)
    }
    file.data.outputs = outputs

    if (!wantsFeedEntries(context.config)) return
    const entry = toFeedEntry(article, context, facts, file.path)
    if (entry) file.data.feedEntry = entry
  }
}

/** The NITF file of one profile: text for UTF-8, bytes in any other encoding. */
function renderNitf(
  article: Article,
  context: ArticleContext,
  profile: NitfProfile
): string | Buffer {
  const xml = serializeNitf(toNitf(article, context, profile), profile)
  return profile.encoding === 'utf-8' ? xml : encodeNitf(xml, profile.encoding)
}
