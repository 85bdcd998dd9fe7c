// The emitters' way of writing a key only when the input supports a value.

/**
 * Make a typed `{key: value}` builder for `Node`: it gives `{}` for a missing
 * value or an empty list, so absent input leaves the key absent (as
 * `exactOptionalPropertyTypes` wants), and `key` is checked against `Node`.
 */
export function optionalField<Node>() {
  return <Key extends keyof Node>(
    key: Key,
    value: Node[Key] | undefined
  ): Partial<Pick<Node, Key>> =>
    value === undefined || (Array.isArray(value) && value.length === 0)
      ? {}
      : ({[key]: value} as Pick<Node, Key>)
}
