// Plain paragraphs as an HTML fragment of `<p>` elements, one per line,
// built with hastscript and serialized by hast-util-to-html: `<` and `&` in
// the text become character references, so text never turns into markup.
// The ninjs HTML body and the feeds' HTML content both come from here.
import type {Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'

export interface ParagraphsHtmlOptions {
  /**
   * `&lt;` rather than `&#x3C;` (what feed readers' HTML expects most
   * often); hast-util-to-html's shortest references otherwise.
   */
  namedReferences?: boolean
}

/** The `<p>` fragment of `paragraphs`, separated by line breaks. */
export function paragraphsHtml(
  paragraphs: readonly string[],
  options: ParagraphsHtmlOptions = {}
): string {
  const tree: Root = {type: 'root', children: []}
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) tree.children.push({type: 'text', value: '\n'})
    tree.children.push(h('p', paragraph))
  }
  return toHtml(
    tree,
    options.namedReferences
      ? {characterReferences: {useNamedReferences: true}}
      : {}
  )
}
