// The one place that declares the `Article` model and every `file.data` key.
// The schema-derived shapes live in `schema-types.ts`, generated from
// `schemas/*.schema.json`; this file re-exports them and adds what only the
// pipeline needs (positions, layout, outputs).
import type {Position} from 'unist'
import type {FeedEntry} from './emit/feed-entry.js'
import type {Article, Config, Meta} from './generated/schema-types.js'

export type {
  Article,
  Author,
  Byline,
  Config,
  Dateline,
  Meta
} from './generated/schema-types.js'

/**
 * Source positions of the `Article`'s fields, keyed by JSON Pointer
 * (`/headline`, `/body/3`, `/bylines/0/authors/1/name`), the same pointers ajv
 * reports as `instancePath`.
 */
export type FieldPositions = Record<string, Position>

/** A logical line of the normalized text with its place in the source. */
export interface Line {
  /** Normalized text, hard wraps joined, trimmed. */
  text: string
  position: Position
  /** Columns of leading white space in the source. */
  indent: number
}

/** Lines separated from the next block by a blank line or an indent. */
export interface Block {
  lines: Line[]
}

/** What an article is built with besides its text. */
export interface ArticleContext {
  /** Input path relative to the input root, with `/` separators (`a/b.txt`). */
  path: string
  /** Stable story identifier: the sidecar `id`, else derived from `path`. */
  storyId: string
  meta: Meta
  config: Config
}

/**
 * Serialized outputs, keyed by file suffix (`.jsonld`, `.nitf.xml`): text to
 * write as UTF-8, or bytes in another encoding (a partner's ISO-8859-1 NITF).
 */
export type Outputs = Record<string, string | Buffer>

declare module 'vfile' {
  interface DataMap {
    /** Set by `segmentBlocks`: the logical blocks of the text. */
    blocks: Block[]
    /** Set by `extractArticle`. */
    article: Article
    /** Set by `extractArticle`: where each field came from. */
    positions: FieldPositions
    /** Set by the caller: sidecar, config and identity of the article. */
    context: ArticleContext
    /** Set by `emitDocuments`. */
    outputs: Outputs
    /**
     * Set by `emitDocuments` when a channel is on and the article has a URL
     * and a publication date: what the feeds and the news sitemap need.
     */
    feedEntry: FeedEntry
  }
}
