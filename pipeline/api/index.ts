// The package's public entry: what `import {…} from 'copydesk'` gives.
// `build` is the CLI's engine (files in, files and reports out),
// `processArticle` runs the pipeline on one article in memory, `processor`
// is that pipeline as a frozen unified processor, and each stage is a
// unified plugin to compose in a pipeline of one's own, in the order
// `pipeline/index.ts` names. Nothing here adds behaviour: it only chooses
// what is public, so the rooms behind it can move without breaking users.
// A room of its own, not a stage beside the processor: it reaches into the
// build shell, which the core never imports.

export type {
  ArticleReport,
  BuildOptions,
  BuildResult,
  MessageCounts
} from '../build/build.js'
export {build} from '../build/build.js'
export {default as checkRecommended} from '../check-recommended.js'
export {default as decodeText} from '../decode-text.js'
export {default as emitDocuments} from '../emit-documents.js'
export {default as extractArticle} from '../extract-article.js'
export type {ProcessOptions} from '../index.js'
export {defaultContext, processArticle, processor} from '../index.js'
export {default as joinHardWraps} from '../join-hard-wraps.js'
export {default as normalizeCharacters} from '../normalize-characters.js'
export {default as normalizeWire} from '../normalize-wire.js'
export {default as segmentBlocks} from '../segment-blocks.js'
export {default as smartPunctuation} from '../smart-punctuation.js'
export type {
  Article,
  ArticleContext,
  Author,
  Block,
  Byline,
  Config,
  Dateline,
  FieldPositions,
  Line,
  Meta,
  Outputs
} from '../types.js'
export {default as validateArticle} from '../validate-article.js'
