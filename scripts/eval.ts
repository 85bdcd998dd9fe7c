// `npm run eval -- [dir] [--json]`: runs copydesk over a labelled corpus
// (`<id>.txt` with a sibling `<id>.json`, default `../shared/corpus`) and
// prints every miss and a summary line on stdout. It measures, it does not
// gate: the exit code is 0 unless the folder cannot be read (2).
// The corpus texts are copyrighted: they are read from `dir`, never copied.
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {recommendedRuleIds} from '../pipeline/check-recommended.js'
import {processArticle} from '../pipeline/index.js'
import {lineRules} from '../pipeline/rules/classify-line.js'
import type {Outputs} from '../pipeline/types.js'
import {checkJsonLdTerms} from '../test/helpers/check-jsonld.js'
import {validateNitf} from '../test/helpers/validate-nitf.js'
import {
  compareArticle,
  type FieldResult,
  formatMiss,
  formatSummary,
  parseLabel,
  summarize
} from './eval-compare.js'

/** What one article of the corpus gave. */
interface ArticleResult {
  id: string
  /** Set when no article came out: the fatal message or the thrown error. */
  failure?: string
  messages: string[]
  /**
   * Rule ids of the messages that say the extraction may be wrong: every
   * warning and info but those asking for missing metadata
   * (`check-recommended`) and the infos that report a line set aside by a
   * line rule (`signature`, `credit`, …), which are routine.
   */
  doubts: string[]
  results: FieldResult[]
  /** XSD errors and unknown schema.org terms in the outputs, when checked. */
  outputErrors?: string[]
}

const usage = 'Usage: npm run eval -- [dir] [--json]'

// Infos that report a line a line rule set aside: routine, not a doubt.
const routine = new Set<string>([
  ...lineRules.map((rule) => rule.kind),
  // A publication date read from the text is not a doubt about the text.
  'date-from-text'
])

// Relative to the repository, not to where the script is run from.
const defaultDir = fileURLToPath(
  new URL('../../shared/corpus', import.meta.url)
)

await main(process.argv.slice(2))

async function main(args: string[]): Promise<void> {
  let json: boolean
  let dir: string
  try {
    const {values, positionals} = parseArgs({
      args,
      allowPositionals: true,
      options: {json: {type: 'boolean', default: false}}
    })
    if (positionals.length > 1) {
      throw new Error(`Unexpected extra argument \`${positionals[1]}\``)
    }
    json = values.json
    // `npm run` moves to the package root; `INIT_CWD` is where the user was.
    const base = process.env.INIT_CWD ?? process.cwd()
    dir = positionals[0] ? path.resolve(base, positionals[0]) : defaultDir
  } catch (error) {
    process.stderr.write(`eval: ${describe(error)}\n${usage}\n`)
    process.exitCode = 2
    return
  }

  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    process.stderr.write(
      `eval: cannot read corpus folder \`${dir}\`: ${describe(error)}\n`
    )
    process.exitCode = 2
    return
  }

  const available = new Set(names)
  const ids = names
    .filter((name) => name.endsWith('.txt'))
    .map((name) => name.slice(0, -'.txt'.length))
    .filter((id) => available.has(`${id}.json`))
    .sort()

  const articles: ArticleResult[] = []
  let validOutputs = 0
  for (const id of ids) {
    const result = await evaluate(dir, id)
    if (!result) continue
    articles.push(result)
    if (result.outputErrors?.length === 0) validOutputs++
    if (!json) process.stdout.write(formatArticle(result))
  }

  const summary = summarize(
    articles.map((article) => ({
      results: article.results,
      flagged: article.doubts.length > 0 || article.failure !== undefined
    }))
  )
  if (json) {
    process.stdout.write(`${JSON.stringify({articles, summary}, null, 2)}\n`)
  } else {
    process.stdout.write(
      `${formatSummary(summary)}; outputs valid (NITF XSD and schema.org terms): ${validOutputs}/${articles.length}\n`
    )
  }
}

// Undefined when the label is unusable: that article is left out, with a note.
async function evaluate(
  dir: string,
  id: string
): Promise<ArticleResult | undefined> {
  let label: ReturnType<typeof parseLabel>
  try {
    label = parseLabel(
      JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8'))
    )
  } catch (error) {
    label = {ok: false, reason: describe(error)}
  }
  if (!label.ok) {
    process.stderr.write(`eval: skipped \`${id}\`: label: ${label.reason}\n`)
    return undefined
  }

  try {
    const bytes = await readFile(path.join(dir, `${id}.txt`))
    const file = await processArticle(new Uint8Array(bytes), {
      path: `${id}.txt`
    })
    const article = file.data.article
    const messages = file.messages.map(String)
    const result: ArticleResult = {
      id,
      messages,
      doubts: file.messages
        .filter(
          (message) =>
            message.fatal !== true &&
            !recommendedRuleIds.has(message.ruleId ?? '') &&
            !(message.fatal !== false && routine.has(message.ruleId ?? ''))
        )
        .map((message) => message.ruleId ?? 'unknown'),
      results: compareArticle(article, label.label),
      outputErrors: await checkOutputs(file.data.outputs)
    }
    if (!article) {
      const fatal = file.messages.find((message) => message.fatal === true)
      result.failure = fatal ? String(fatal) : 'no article and no fatal message'
    }
    return result
  } catch (error) {
    // A crash in one article is a result to report, not a reason to stop.
    return {
      id,
      failure: `exception: ${describe(error)}`,
      messages: [],
      doubts: [],
      results: compareArticle(undefined, label.label)
    }
  }
}

/** XSD errors of the NITF and unknown terms of the JSON-LD, prefixed by format. */
async function checkOutputs(outputs: Outputs | undefined): Promise<string[]> {
  const nitf = outputs?.['.nitf.xml']
  const jsonld = outputs?.['.jsonld']
  if (nitf === undefined || jsonld === undefined) return ['no outputs written']
  return [
    ...(await validateNitf(nitf)).map((error) => `nitf: ${error}`),
    // The JSON-LD is UTF-8 text; `toString` reads a `Buffer` as such too.
    ...(await checkJsonLdTerms(JSON.parse(jsonld.toString()))).map(
      (error) => `jsonld: ${error}`
    )
  ]
}

function formatArticle(article: ArticleResult): string {
  if (article.failure !== undefined) {
    return `${article.id} article: expected an article, got none (${article.failure})\n`
  }
  const outputs = (article.outputErrors ?? []).map(
    (error) => `${article.id} outputs: expected valid output, got ${error}\n`
  )
  return (
    article.results
      .filter((result) => !result.ok)
      .map((result) => `${formatMiss(article.id, result)}\n`)
      .join('') + outputs.join('')
  )
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
