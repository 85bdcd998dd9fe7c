// Stage 3d, smart punctuation: retext-smartypants, run only over the
// sentences that hold something it can change (`"`, `'`, `` ` ``, `--`).
// Each of its rules looks at a node's siblings and no further, so a
// sentence is a whole unit for it; and its tree walk (unist-util-visit
// names a debug function for every node) cost more per article than
// parsing did. Skipping sentences it would leave alone gives the same text.
import type {Paragraph, Root, RootContent, Sentence} from 'nlcst'
import retextSmartypants, {type Options} from 'retext-smartypants'

/**
 * What some smartypants rule rewrites. With `dashes: true` only `--` (and
 * `---`) changes: the hyphen of `state-run` never does, and leaving out
 * the sentences that hold only hyphens took the stage from 0.33 to 0.21 ms
 * an article (`npm run timings`).
 */
const candidate = /["'`]|--/

export default function smartPunctuation(options: Options) {
  const transform = retextSmartypants(options)
  return (tree: Root): undefined => {
    const scope: Array<Paragraph | Sentence> = []
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      const sentences: Sentence[] = []
      let whole = false
      for (const child of paragraph.children) {
        if (child.type === 'SentenceNode') {
          if (holdsCandidate(child)) sentences.push(child)
        } else if (child.type !== 'WhiteSpaceNode') {
          // Punctuation right under a paragraph: its siblings matter.
          whole = true
        }
      }
      if (whole) scope.push(paragraph)
      else scope.push(...sentences)
    }
    if (scope.length > 0) transform({type: 'RootNode', children: scope})
  }
}

function holdsCandidate(node: RootContent): boolean {
  if ('value' in node) return candidate.test(node.value)
  return node.children.some(holdsCandidate)
}
