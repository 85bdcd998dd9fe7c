// What the desk can do about a message, by rule id: the sidecar key, the
// config entry or the edit to the text that answers it, worded for the
// article's own files. The report shows it under each message. Pure; code
// in backticks, as in messages.
import {configName} from '../emit/output-names.js'

/** The files a fix names, for one article. */
export interface FixContext {
  /** The article's sidecar, as its name (`story.meta.json`). */
  sidecar: string
}

type Fix = (context: FixContext) => string

const turnOff = (ruleId: string) =>
  `or, if the desk does not need it, \`"rules": {"${ruleId}": "off"}\` in \`${configName}\``

const lineRule =
  (what: string): Fix =>
  () =>
    `${what} If the line is story text, no rule should have taken it: check the text around it, or report the line to copydesk; \`"rules"\` in \`${configName}\` can set this info to \`off\`.`

const fixes: Record<string, Fix> = {
  // Decoding and characters.
  'legacy-encoding': () =>
    'Save the article as UTF-8: it was read as Windows-1252, which is right for most older files but not all.',
  'illegal-character': () =>
    'Remove the control character from the text (it was left out of every output).',
  'invalid-utf8': () =>
    'Save the article as UTF-8 again from its source: the bytes named are not UTF-8.',
  'invalid-utf16': () =>
    'Save the article as UTF-8 (or UTF-16 with its byte order mark) from its source.',
  'binary-file': () => 'Give copydesk the article as plain text.',
  'markup-input': () =>
    'Give copydesk the article’s text, not its HTML or XML page.',
  'paragraphs-by-width': () =>
    'Separate paragraphs by a blank line in the text.',
  // Where the extractor guesses.
  'missing-headline': () =>
    'Put the headline on the first line of text, and the story under it.',
  'headline-wire-code': (context) =>
    `Check the headline; if a wire header line stands above it, teach it as \`extraction.boilerplate\` in \`${configName}\` (a pattern), or remove it from the text. ${turnOff('headline-wire-code')}; \`${context.sidecar}\` cannot set a headline.`,
  'headline-publication': () =>
    `If the line above the headline is your publication's name, add it to \`extraction.publications\` in \`${configName}\`: it is then taken as the masthead.`,
  'masthead-guess': () =>
    `If this is a publication name, add it to \`extraction.publications\` in \`${configName}\` and the guess becomes certain; if it is the headline, put a blank line and the real headline under it.`,
  'subheadline-caption': () =>
    'If the short line is the deck, make it a full sentence or longer; if it is a caption, no change is needed.',
  'end-matter-shape': () =>
    `If the last line is a desk signature or end note, add a pattern for it to \`extraction.signatures\` (at the end only) or \`extraction.boilerplate\` in \`${configName}\`.`,
  'after-end-divider': () =>
    `If the paragraph under the divider is an end note, add a pattern for it to \`extraction.boilerplate\` in \`${configName}\`; if it is a sidebar, no change is needed.`,
  'heading-or-caption': () =>
    'If the line is a photo caption, prefix it with `Photo:` in the text; a heading can stay.',
  'date-from-text': (context) =>
    `Add \`datePublished\` to \`${context.sidecar}\` if the date in the text is not the publication date.`,
  // A line moved or dropped, by line rule kind.
  envelope: lineRule('A wire keyword line, dropped.'),
  status: lineRule('A wire status line, dropped.'),
  'editor-note': lineRule(
    'An editor’s note, kept out of the body (NITF `ed-msg`).'
  ),
  summary: lineRule('A summary bullet, moved to the summary.'),
  caption: lineRule('A photo caption, kept out of the body.'),
  credit: lineRule('A credit line, moved to the credits (NITF `tagline`).'),
  signature: lineRule('An end signature, dropped.'),
  divider: lineRule('A divider line, dropped.'),
  notebook: lineRule('A desk notebook, dropped with every line after it.'),
  leftover: lineRule('A page leftover (web or print furniture), dropped.'),
  copyright: lineRule(
    'A copyright line, dropped (the sidecar and config give the copyright).'
  ),
  timestamp: lineRule(
    'A date line, dropped (a full date may give `datePublished`).'
  ),
  'end-note': lineRule('An end note, dropped.'),
  // Recommended metadata.
  'long-headline': () =>
    'Shorten the headline in the text to at most 110 characters; search results cut longer ones.',
  'missing-date': (context) =>
    `Add \`"datePublished": "2026-03-07T18:30:00-05:00"\` (ISO 8601 with an offset) to \`${context.sidecar}\`; without it the article is in no feed and no news sitemap.`,
  'missing-image': (context) =>
    `Add \`"images": [{"url": "https://…", "width": 1600, "height": 900}]\` to \`${context.sidecar}\`, ${turnOff('missing-image')}.`,
  'small-image': (context) =>
    `Give an image of at least 50,000 pixels (1200 wide is best) in \`images\` of \`${context.sidecar}\`.`,
  'author-without-url': () =>
    `Add the author to \`authors\` in \`${configName}\`: \`{"name": "…", "url": "https://…"}\` (\`aliases\` for other spellings), ${turnOff('author-without-url')}.`,
  // Sidecar and config.
  'unknown-property': () =>
    'Correct or remove the key: it is not read (see the “did you mean”).',
  'json-syntax': () => 'Correct the JSON at the place named.',
  'meta-schema': () =>
    'Correct the value at the place named, as `schemas/meta.schema.json` describes it.',
  'config-schema': () =>
    'Correct the value at the place named, as `schemas/config.schema.json` describes it.',
  'invalid-sidecar': (context) =>
    `Correct \`${context.sidecar}\`: its own messages say where.`,
  'language-tag': () => 'Give a BCP 47 language tag (`en`, `en-GB`, `pt-BR`).',
  'unknown-rule': () => 'Correct the rule id in `rules`.',
  'invalid-pattern': () => 'Correct the regular expression.',
  'nitf-profile-collision': () => 'Give the profile another `suffix`.',
  'ninjs-profile-collision': () => 'Give the profile another `suffix`.',
  // The build.
  'output-collision': () =>
    'Rename one of the articles: two outputs would have one name.',
  'read-error': () => 'Check that the file can be read.',
  'write-error': () => 'Check that the output folder can be written.',
  'file-too-large': () =>
    `Check the file is an article; raise \`maxFileSize\` in \`${configName}\` if it is.`,
  'internal-error': () =>
    'This is a copydesk bug: run again with `--verbose` and report the stack.',
  'invalid-ninjs': () => 'This is a copydesk bug: please report it.',
  'article-schema': () =>
    'Check the field named: the text gave it a value no output can hold.',
  // The channels.
  'no-feed-entry': (context) =>
    `Give each article \`url\` (or \`baseUrl\` in \`${configName}\`) and \`datePublished\` in its sidecar (\`${context.sidecar}\`).`,
  'news-sitemap-left-out': () =>
    'Correct the value named in the article’s sidecar, or leave it out of the sitemap.',
  'no-publication-name': () =>
    `Set \`publisher.name\` or \`newsSitemap.publicationName\` in \`${configName}\`.`,
  'empty-news-sitemap': () =>
    'Nothing to do if no article is news; `--now` sets the window’s end.',
  'removed-output': () => 'Nothing to do: the article’s input is gone.'
}

/** What the desk can do about messages of `ruleId`, if copydesk knows. */
export function fixFor(
  ruleId: string | null | undefined,
  context: FixContext
): string | undefined {
  if (!ruleId) return undefined
  return Object.hasOwn(fixes, ruleId) ? fixes[ruleId]?.(context) : undefined
}
