// The copydesk processor: the only place that names the stage order.
// decode -> parse (retext-english) -> normalize -> segment -> extract ->
// validate -> emit. Built once, frozen, and reused for every file.
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import checkRecommended from './check-recommended.js'
import decodeText from './decode-text.js'
import emitDocuments from './emit-documents.js'
import extractArticle from './extract-article.js'
import joinHardWraps from './join-hard-wraps.js'
import {applyRuleLevels, failInternal, withoutStacks} from './messages.js'
import normalizeCharacters from './normalize-characters.js'
import normalizeWire from './normalize-wire.js'
import segmentBlocks from './segment-blocks.js'
import smartPunctuation from './smart-punctuation.js'
import type {ArticleContext} from './types.js'
import validateArticle from './validate-article.js'

/** The frozen processor; `run` it on a parsed tree (there is no compiler). */
export const processor = unified()
  .use(retextEnglish)
  .use(decodeText)
  .use(normalizeCharacters)
  .use(normalizeWire)
  .use(joinHardWraps)
  // `--` is an em dash on the wire; `...` stays as typed.
  .use(smartPunctuation, {backticks: true, dashes: true, ellipses: false})
  .use(segmentBlocks)
  .use(extractArticle)
  .use(validateArticle)
  .use(checkRecommended)
  .use(emitDocuments)
  .freeze()

/** Options for one article. */
export interface ProcessOptions {
  /** Path of the input, as reported in messages. */
  path: string
  /** Sidecar, config and identity; defaults derive from `path`. */
  context?: ArticleContext | undefined
}

/**
 * Run the whole pipeline on one article's bytes (or text). Never throws for
 * bad input: a fatal problem is a message with `fatal: true` on the file,
 * and `file.data.outputs` is then unset.
 */
export async function processArticle(
  value: Uint8Array | string,
  options: ProcessOptions
): Promise<VFile> {
  const file = new VFile({path: options.path, value})
  withoutStacks(file)
  file.data.context = options.context ?? defaultContext(options.path)
  try {
    const tree: Root = processor.parse(file)
    await processor.run(tree, file)
  } catch (error) {
    // A bug, not bad input: report it on the file rather than crash the build.
    if (!file.messages.some((message) => message.fatal)) {
      failInternal(file, error)
    }
    delete file.data.outputs
  }
  // The project's levels for warnings and infos (`rules` in the config).
  applyRuleLevels(file, file.data.context.config.rules)
  return file
}

/** The context of an article with no sidecar and no config. */
export function defaultContext(path: string): ArticleContext {
  return {path, storyId: storyIdFromPath(path), meta: {}, config: {}}
}

/** A stable story id from an input path: `a/b c.txt` -> `a-b-c`, `Süd.txt` -> `sud`. */
export function storyIdFromPath(path: string): string {
  const stem = path.replace(/\.[^./]*$/, '')
  const id = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
  return id === '' ? 'story' : id
}
