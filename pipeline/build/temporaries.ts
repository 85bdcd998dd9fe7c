// Removes what an interrupted build left in the output folder:
// write-file-atomic writes `<target>.<number>` and renames it over
// `<target>`, and a build killed in between leaves that temporary behind.
import {existsSync} from 'node:fs'
import {rm, stat} from 'node:fs/promises'
import {glob} from 'tinyglobby'

// Younger temporaries may belong to a build running right now.
const staleAfterMilliseconds = 60_000

/**
 * Remove the stale temporaries of files whose names end in one of
 * `suffixes` (per-article outputs and channel files), or of the parts of
 * a split news sitemap, from `outputRoot`.
 */
export async function removeStaleTemporaries(
  outputRoot: string,
  suffixes: readonly string[]
): Promise<void> {
  const temporaryName = new RegExp(
    `(?:${[
      ...suffixes.map((suffix) =>
        suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      ),
      // Parts of a split news sitemap, at the top of the output folder.
      '(?:^|[\\\\/])news-sitemap-\\d+\\.xml'
    ].join('|')})\\.\\d{1,10}$`
  )
  if (!existsSync(outputRoot)) return
  // Only names that end in a digit: listing every output of a large
  // archive would cost time and memory for nothing.
  const candidates = await glob('**/*.*[0-9]', {
    cwd: outputRoot,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false
  })
  for (const file of candidates) {
    if (!temporaryName.test(file)) continue
    const info = await stat(file).catch(() => undefined)
    if (info && Date.now() - info.mtimeMs > staleAfterMilliseconds) {
      await rm(file, {force: true})
    }
  }
}
