// Articles and contexts built in code for the emitter tests.
import type {Article, ArticleContext} from '../../pipeline/types.js'

/** An article with every list empty, overridden by `fields`. */
export function makeArticle(
  fields: Partial<Article> & Pick<Article, 'headline'>
) {
  return {
    bylines: [],
    body: ['Nothing happened.'],
    summary: [],
    editorNotes: [],
    captions: [],
    credits: [],
    boilerplate: [],
    ...fields
  } satisfies Article
}

/** A context with an empty sidecar and config, overridden by `fields`. */
export function makeContext(
  fields: Partial<ArticleContext> = {}
): ArticleContext {
  return {
    path: 'local/story.txt',
    storyId: 'local-story',
    meta: {},
    config: {},
    ...fields
  }
}
