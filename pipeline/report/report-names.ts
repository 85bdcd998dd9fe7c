// Where the build report goes in the output folder, in one place: the
// `report/` folder at its top (no article may write there while the report
// is on: the collision check refuses it), the index and its stylesheet in
// it, and one page per article under `report/articles/`, so that no
// article's page can take the index's name (`index.txt` gives
// `report/articles/index.html`). Pure.
import path from 'node:path'

/** The report's folder, at the top of the output folder. */
export const reportFolder = 'report'

/** The index page of the build, relative to the output folder. */
export const reportIndexName = `${reportFolder}/index.html`

/** The stylesheet every page links, relative to the output folder. */
export const reportStylesheetName = `${reportFolder}/report.css`

/** The page of the article whose outputs are `<stem><suffix>`. */
export function reportPageName(stem: string): string {
  return `${reportFolder}/articles/${stem}.html`
}

/**
 * The link from the file `from` to the file `to`, both relative to the
 * output folder: `/`-separated, each segment percent-encoded, so that `#`,
 * `?` or `%` in an article's name stay part of the path.
 */
export function relativeHref(from: string, to: string): string {
  const relative = path.posix.relative(path.posix.dirname(from), to)
  return relative
    .split('/')
    .map((segment) =>
      segment === '..' ? segment : encodeURIComponent(segment)
    )
    .join('/')
}
