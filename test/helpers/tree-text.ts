// The text of an xast or hast element, as an XML reader or a browser gives
// it: every text node below it, in order.

/** A node as xast and hast both shape it. */
interface TreeNode {
  type: string
  value?: unknown
  children?: readonly TreeNode[]
}

/** The text below `node`; empty for none. */
export function treeText(node: TreeNode | undefined): string {
  return (node?.children ?? [])
    .map((child) =>
      child.type === 'text'
        ? String(child.value)
        : child.type === 'element'
          ? treeText(child)
          : ''
    )
    .join('')
}
