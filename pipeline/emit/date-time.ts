// ISO 8601 date-times with a UTC offset, as the emitters read them: one
// reading for the feeds, the news sitemap, NITF and the channels' window.
// The sidecar and config schemas (`dateTime`) already require seconds, no
// leap second and an offset of at most 14 hours; the emitters are pure
// functions that may be called with any text, so this reading also takes
// what ISO 8601 allows besides (no seconds, lower-case `t` and `z`) and
// refuses what no reader could agree on (30 February, 24:00, `+15:00`).

const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

/** Two days, the Google News sitemap's window, in milliseconds. */
export const twoDays = 2 * 24 * 60 * 60 * 1000

/** The fields of a date-time as written (local time and its offset). */
export interface DateTimeParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  /** `00` when not written. */
  second: string
  /** `.123`, or empty. */
  fraction: string
  /** `Z`, or `±HH:MM`. */
  offset: string
  /** RFC 3339 and `xsd:dateTime` form: `T` and `Z` upper case, seconds written. */
  normalized: string
  /** Milliseconds since the epoch. */
  instant: number
}

/** Read an ISO 8601 date-time with an offset; `undefined` when it is none. */
export function parseDateTime(value: string): DateTimeParts | undefined {
  const match = isoDateTime.exec(value)
  if (!match) return undefined
  const [, year = '', month = '', day = '', hour = '', minute = ''] = match
  const second = match[6] ?? '00'
  const fraction = match[7] ?? ''
  const [zulu, sign, offsetHour = '', offsetMinute = ''] = match.slice(8)
  const offsetInRange =
    zulu !== undefined ||
    (Number(offsetMinute) <= 59 &&
      (Number(offsetHour) < 14 || `${offsetHour}:${offsetMinute}` === '14:00'))
  if (
    !isCalendarDate(year, month, day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    !offsetInRange
  ) {
    return undefined
  }
  const offset = zulu ? 'Z' : `${sign}${offsetHour}:${offsetMinute}`
  const normalized = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction,
    offset,
    normalized,
    // The form `Date.parse` reads by the standard, the same reading
    // `newestFirst` makes.
    instant: Date.parse(normalized)
  }
}

/** Midnight UTC of a calendar date, correct for years before 100 too. */
export function utcDay(year: string, month: string, day: string): Date {
  const date = new Date(Date.UTC(2000, Number(month) - 1, Number(day)))
  date.setUTCFullYear(Number(year))
  return date
}

/** Whether the year, month and day name a real date (no 30 February). */
function isCalendarDate(year: string, month: string, day: string): boolean {
  const date = utcDay(year, month, day)
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  )
}
