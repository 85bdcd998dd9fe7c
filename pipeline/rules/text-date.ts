// A publication date-time the text states in full: a date with its year, a
// time, and a zone that fixes the offset (`Published: 3 January 2024 14:05
// GMT`, `2024-01-03T14:05:00Z`, `Jan. 3, 2024 2:05 p.m. EST`), read as an
// ISO 8601 date-time with that offset. Anything less (`Nov 26`, a weekday,
// a date without a time, a time in `ET`, which is EST or EDT by the day) is
// never completed by guessing. Update stamps (`Updated: …`) are not
// publication dates. Pure.

/** The English month names, lower case, January first. */
export const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

/** Their first three letters, as abbreviations start. */
const months = monthNames.map((name) => name.slice(0, 3))

/** The English abbreviations as printed, `Jan` to `Dec` (RFC 822 has them too). */
export const monthAbbreviations: readonly string[] = months.map(
  (name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`
)

// Zones whose abbreviation fixes one offset. `ET`, `PT`, `IST` (India or
// Ireland) and the like do not, and are left out on purpose.
const zones: Record<string, string> = {
  z: '+00:00',
  utc: '+00:00',
  gmt: '+00:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  jst: '+09:00',
  kst: '+09:00',
  aest: '+10:00',
  aedt: '+11:00'
}

const label = String.raw`(?:(?:published|posted|first published|filed)(?: on)?\s*:?\s*)?`
const weekday = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`
const monthName = String.raw`([a-z]{3,9})\.?`
const dates = [
  // 2024-01-03
  String.raw`(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})`,
  // 3 January 2024
  String.raw`(?<ad>\d{1,2})(?:st|nd|rd|th)? ${monthName.replace('(', '(?<am>')},? (?<ay>\d{4})`,
  // January 3, 2024
  String.raw`${monthName.replace('(', '(?<bm>')} (?<bd>\d{1,2})(?:st|nd|rd|th)?,? (?<by>\d{4})`
].join('|')
const time = String.raw`(?<h>\d{1,2})[:.](?<mi>\d{2})(?:[:.](?<s>\d{2}))?(?:\.\d+)?(?:\s*(?<ap>[ap])\.?m\.?)?`
const zone = String.raw`(?<zone>Z|[+-]\d{2}:?\d{2}|[a-z]{1,4})`
const stamp = new RegExp(
  String.raw`^${label}${weekday}(?:${dates})(?:,?\s+(?:at\s+)?|T)${time}\s*${zone}$`,
  'i'
)

/** The ISO 8601 date-time `text` states in full, or `undefined`. */
export function readTextDate(text: string): string | undefined {
  const match = stamp.exec(text.trim())
  const groups = match?.groups
  if (!groups) return undefined
  const year = groups.iy ?? groups.ay ?? groups.by
  const monthText = groups.im ?? groups.am ?? groups.bm
  const day = Number(groups.id ?? groups.ad ?? groups.bd)
  const month = /^\d+$/.test(monthText ?? '')
    ? Number(monthText)
    : months.indexOf((monthText ?? '').slice(0, 3).toLowerCase()) + 1
  if (year === undefined || month < 1 || month > 12) return undefined
  // A month name must be the name or its abbreviation, not any word.
  if (monthText && !/^\d+$/.test(monthText) && !isMonthName(monthText)) {
    return undefined
  }
  let hour = Number(groups.h)
  const minute = Number(groups.mi)
  const second = Number(groups.s ?? '0')
  const meridiem = groups.ap?.toLowerCase()
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0)
  }
  const offset = offsetOf(groups.zone ?? '')
  if (offset === undefined || hour > 23 || minute > 59 || second > 59) {
    return undefined
  }
  const date = new Date(Date.UTC(Number(year), month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined
  }
  const two = (value: number) => String(value).padStart(2, '0')
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${offset}`
}

function isMonthName(word: string): boolean {
  const lower = word.toLowerCase()
  return months.some(
    (month, index) =>
      lower === month ||
      monthNames[index] === lower ||
      (month === 'sep' && lower === 'sept')
  )
}

/** `+HH:MM` for a numeric offset or an unambiguous zone abbreviation. */
function offsetOf(zone: string): string | undefined {
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
  if (numeric) {
    const [, sign, hours, minutes] = numeric
    if (Number(hours) > 14 || Number(minutes) > 59) return undefined
    return `${sign}${hours}:${minutes}`
  }
  return zones[zone.toLowerCase()]
}
