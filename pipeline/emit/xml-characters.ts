// Code points XML 1.0 does not allow in a document: C0 controls but tab, line
// feed and carriage return, U+FFFE, U+FFFF, and unpaired surrogates (`\p{Cs}`
// matches a surrogate only alone, in `u` mode). One definition for every
// place text enters or leaves copydesk.

/** Matches every character XML 1.0 forbids (global: reset `lastIndex` or use `replace`). */
export const xmlIllegalCharacter =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\p{Cs}]/gu

/** The code points of `value` that XML 1.0 forbids, as `U+XXXX`, in order. */
export function xmlIllegalCodePoints(value: string): string[] {
  return [...value.matchAll(xmlIllegalCharacter)].map(
    ([character]) =>
      `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
  )
}
