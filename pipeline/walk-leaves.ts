// A walk over the leaves of an nlcst tree (text, white space, punctuation,
// symbols), in document order, with their parent and index. The normalize
// and segment stages need no more than that; unist-util-visit also names a
// debug function for every node it enters, which a CPU profile of a build
// showed as ~40% of the time per article.
import type {Parent, Root, RootContent} from 'nlcst'

/** A node with a text value. */
export type Leaf = Extract<RootContent, {value: string}>

/**
 * Call `visitor` for every leaf under `tree`. A visitor that returns a
 * number continues at that index of the same parent (after removing nodes).
 */
export function forEachLeaf(
  tree: Root,
  visitor: (leaf: Leaf, index: number, parent: Root | Parent) => unknown
): void {
  walk(tree)

  function walk(parent: Root | Parent) {
    let index = 0
    while (index < parent.children.length) {
      const node = parent.children[index] as RootContent
      if ('children' in node) {
        walk(node)
        index++
        continue
      }
      const next = visitor(node, index, parent)
      index = typeof next === 'number' ? next : index + 1
    }
  }
}
