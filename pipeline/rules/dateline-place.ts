// The place of a dateline, split as the desks print it: `ROSCOE, S.D.`,
// `CHEYENNE, Wyo.`, `OTTAWA, Ont.`, `SEOUL, South Korea`, `LONDON`. The first
// part is the city; what follows a comma is a US state (full name, AP
// abbreviation, postal code), a first-level division elsewhere (Canadian
// provinces and territories, Australian states and territories, the
// nations of the UK) or a country. Pure data and lookups; no messages.
//
// Decisions, conservative by design:
// - A place without a comma is a city, whatever it names (`SINGAPORE`,
//   `WASHINGTON`, `UNITED NATIONS`): datelines name where the story was
//   filed, and ingest code keys the dateline on its city.
// - The last part is the country when it names one (`Congo`, `Korea`, and
//   former names like `West Germany` are countries without an ISO code).
// - One part between city and country is the state when it is a US state,
//   else a region: a known division, a name that is two things (`Georgia`,
//   a state and a country; `WA`, Washington and Western Australia), or a
//   name not in the lists (`West Bank`, `Bavaria`). `region` is NITF's
//   "geographic area": it claims no more than the text says.
// - Several parts between city and country are one region, commas and all
//   (`Greene County, Mo.`), so that the parts stay in reading order.
// Every part is a substring of the text; nothing printed is dropped.

/** A dateline place split in parts, each a substring of `text`, in reading order. */
export interface DatelinePlace {
  /** The location as printed. */
  text: string
  city?: string
  state?: string
  region?: string
  country?: string
  /** The state's full name (`Wyoming` for `Wyo.`). */
  stateName?: string
  /** ISO 3166-2 code of the state (`US-WY`). */
  stateCode?: string
  /** The region's full name (`Ontario` for `Ont.`), when it is a known division. */
  regionName?: string
  /** ISO 3166-2 code of the region (`CA-ON`). */
  regionCode?: string
  /**
   * ISO 3166-1 alpha-2 code of the country: the printed country's, else the
   * one its state or region belongs to (`US` for `Wyo.`).
   */
  countryCode?: string
}

type Kind = 'state' | 'region' | 'country'

/** What a spelling names; `name` and `code` are unknown for an ambiguous spelling. */
interface Division {
  kind: Kind
  name?: string
  /** ISO 3166-2 for states and regions, ISO 3166-1 alpha-2 for countries. */
  code?: string
}

// US states and the District of Columbia: postal code, full name, then the
// spellings datelines use: the postal code, the AP stylebook abbreviation
// and older abbreviations still found in wire copy. States AP never
// abbreviates (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) have
// their name and postal code only (and `Tex.`).
const usStates: readonly (readonly string[])[] = [
  ['AL', 'Alabama', 'AL', 'Ala.'],
  ['AK', 'Alaska', 'AK'],
  ['AZ', 'Arizona', 'AZ', 'Ariz.'],
  ['AR', 'Arkansas', 'AR', 'Ark.'],
  ['CA', 'California', 'CA', 'Calif.'],
  ['CO', 'Colorado', 'CO', 'Colo.'],
  ['CT', 'Connecticut', 'CT', 'Conn.'],
  ['DE', 'Delaware', 'DE', 'Del.'],
  ['DC', 'District of Columbia', 'DC', 'D.C.'],
  ['FL', 'Florida', 'FL', 'Fla.'],
  ['GA', 'Georgia', 'GA', 'Ga.'],
  ['HI', 'Hawaii', 'HI'],
  ['ID', 'Idaho', 'ID'],
  ['IL', 'Illinois', 'IL', 'Ill.'],
  ['IN', 'Indiana', 'IN', 'Ind.'],
  ['IA', 'Iowa', 'IA'],
  ['KS', 'Kansas', 'KS', 'Kan.', 'Kans.'],
  ['KY', 'Kentucky', 'KY', 'Ky.'],
  // `LA` is left out: in a dateline it is as likely Los Angeles.
  ['LA', 'Louisiana', 'La.'],
  ['ME', 'Maine', 'ME'],
  ['MD', 'Maryland', 'MD', 'Md.'],
  ['MA', 'Massachusetts', 'MA', 'Mass.'],
  ['MI', 'Michigan', 'MI', 'Mich.'],
  ['MN', 'Minnesota', 'MN', 'Minn.'],
  ['MS', 'Mississippi', 'MS', 'Miss.'],
  ['MO', 'Missouri', 'MO', 'Mo.'],
  ['MT', 'Montana', 'MT', 'Mont.'],
  ['NE', 'Nebraska', 'NE', 'Neb.', 'Nebr.'],
  ['NV', 'Nevada', 'NV', 'Nev.'],
  ['NH', 'New Hampshire', 'NH', 'N.H.'],
  ['NJ', 'New Jersey', 'NJ', 'N.J.'],
  ['NM', 'New Mexico', 'NM', 'N.M.', 'N. Mex.'],
  ['NY', 'New York', 'NY', 'N.Y.'],
  ['NC', 'North Carolina', 'NC', 'N.C.'],
  ['ND', 'North Dakota', 'ND', 'N.D.', 'N. Dak.'],
  ['OH', 'Ohio', 'OH'],
  ['OK', 'Oklahoma', 'OK', 'Okla.'],
  ['OR', 'Oregon', 'OR', 'Ore.', 'Oreg.'],
  ['PA', 'Pennsylvania', 'PA', 'Pa.', 'Penn.', 'Penna.'],
  ['RI', 'Rhode Island', 'RI', 'R.I.'],
  ['SC', 'South Carolina', 'SC', 'S.C.'],
  ['SD', 'South Dakota', 'SD', 'S.D.', 'S. Dak.'],
  ['TN', 'Tennessee', 'TN', 'Tenn.'],
  ['TX', 'Texas', 'TX', 'Tex.'],
  ['UT', 'Utah', 'UT'],
  ['VT', 'Vermont', 'VT', 'Vt.'],
  ['VA', 'Virginia', 'VA', 'Va.'],
  ['WA', 'Washington', 'WA', 'Wash.'],
  ['WV', 'West Virginia', 'WV', 'W.Va.'],
  ['WI', 'Wisconsin', 'WI', 'Wis.', 'Wisc.'],
  ['WY', 'Wyoming', 'WY', 'Wyo.']
]

// First-level divisions datelines name after a city: the ISO 3166-2
// subdivision code, the full name, then the spellings in use (Canadian
// Press abbreviations and Canada Post codes, Australian abbreviations).
const regions: readonly (readonly string[])[] = [
  ['CA-AB', 'Alberta', 'AB', 'Alta.'],
  ['CA-BC', 'British Columbia', 'BC', 'B.C.'],
  ['CA-MB', 'Manitoba', 'MB', 'Man.'],
  ['CA-NB', 'New Brunswick', 'NB', 'N.B.'],
  ['CA-NL', 'Newfoundland and Labrador', 'Newfoundland', 'NL', 'N.L.', 'Nfld.'],
  ['CA-NS', 'Nova Scotia', 'NS', 'N.S.'],
  ['CA-NT', 'Northwest Territories', 'NT', 'NWT', 'N.W.T.'],
  ['CA-NU', 'Nunavut', 'NU'],
  ['CA-ON', 'Ontario', 'ON', 'Ont.'],
  ['CA-PE', 'Prince Edward Island', 'PE', 'PEI', 'P.E.I.'],
  ['CA-QC', 'Quebec', 'QC', 'Que.'],
  ['CA-SK', 'Saskatchewan', 'SK', 'Sask.'],
  ['CA-YT', 'Yukon', 'Yukon Territory', 'YT', 'Y.T.'],
  ['AU-NSW', 'New South Wales', 'NSW', 'N.S.W.'],
  ['AU-VIC', 'Victoria', 'VIC', 'Vic.'],
  ['AU-QLD', 'Queensland', 'QLD', 'Qld.'],
  // Not `SA`: South Africa goes by it too.
  ['AU-SA', 'South Australia'],
  ['AU-WA', 'Western Australia', 'WA'],
  ['AU-TAS', 'Tasmania', 'TAS', 'Tas.'],
  ['AU-NT', 'Northern Territory', 'NT'],
  ['AU-ACT', 'Australian Capital Territory', 'ACT'],
  ['GB-ENG', 'England'],
  ['GB-SCT', 'Scotland'],
  ['GB-WLS', 'Wales'],
  ['GB-NIR', 'Northern Ireland']
]

// Countries and territories with an ISO 3166-1 alpha-2 code: the code, the
// English short name, then other names in English use. A name two entries
// share (`Congo`, `Korea`) is a country without a code.
const countries: readonly (readonly string[])[] = [
  ['AF', 'Afghanistan'],
  ['AL', 'Albania'],
  ['DZ', 'Algeria'],
  ['AS', 'American Samoa'],
  ['AD', 'Andorra'],
  ['AO', 'Angola'],
  ['AI', 'Anguilla'],
  ['AQ', 'Antarctica'],
  ['AG', 'Antigua and Barbuda', 'Antigua'],
  ['AR', 'Argentina'],
  ['AM', 'Armenia'],
  ['AW', 'Aruba'],
  ['AU', 'Australia'],
  ['AT', 'Austria'],
  ['AZ', 'Azerbaijan'],
  ['BS', 'Bahamas'],
  ['BH', 'Bahrain'],
  ['BD', 'Bangladesh'],
  ['BB', 'Barbados'],
  ['BY', 'Belarus'],
  ['BE', 'Belgium'],
  ['BZ', 'Belize'],
  ['BJ', 'Benin'],
  ['BM', 'Bermuda'],
  ['BT', 'Bhutan'],
  ['BO', 'Bolivia'],
  ['BA', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Bosnia'],
  ['BW', 'Botswana'],
  ['BR', 'Brazil'],
  ['VG', 'British Virgin Islands'],
  ['BN', 'Brunei'],
  ['BG', 'Bulgaria'],
  ['BF', 'Burkina Faso'],
  ['BI', 'Burundi'],
  ['CV', 'Cape Verde', 'Cabo Verde'],
  ['KH', 'Cambodia'],
  ['CM', 'Cameroon'],
  ['CA', 'Canada'],
  ['KY', 'Cayman Islands'],
  ['CF', 'Central African Republic'],
  ['TD', 'Chad'],
  ['CL', 'Chile'],
  ['CN', 'China'],
  ['CO', 'Colombia'],
  ['KM', 'Comoros'],
  [
    'CG',
    'Republic of the Congo',
    'Congo Republic',
    'Congo-Brazzaville',
    'Congo'
  ],
  [
    'CD',
    'Democratic Republic of the Congo',
    'Democratic Republic of Congo',
    'DR Congo',
    'DRC',
    'Congo-Kinshasa',
    'Congo'
  ],
  ['CK', 'Cook Islands'],
  ['CR', 'Costa Rica'],
  ['CI', 'Ivory Coast', "Côte d'Ivoire"],
  ['HR', 'Croatia'],
  ['CU', 'Cuba'],
  ['CW', 'Curaçao'],
  ['CY', 'Cyprus'],
  ['CZ', 'Czech Republic', 'Czechia'],
  ['DK', 'Denmark'],
  ['DJ', 'Djibouti'],
  ['DM', 'Dominica'],
  ['DO', 'Dominican Republic'],
  ['TL', 'East Timor', 'Timor-Leste'],
  ['EC', 'Ecuador'],
  ['EG', 'Egypt'],
  ['SV', 'El Salvador'],
  ['GQ', 'Equatorial Guinea'],
  ['ER', 'Eritrea'],
  ['EE', 'Estonia'],
  ['SZ', 'Eswatini', 'Swaziland'],
  ['ET', 'Ethiopia'],
  ['FK', 'Falkland Islands'],
  ['FO', 'Faroe Islands'],
  ['FJ', 'Fiji'],
  ['FI', 'Finland'],
  ['FR', 'France'],
  ['GF', 'French Guiana'],
  ['PF', 'French Polynesia'],
  ['GA', 'Gabon'],
  ['GM', 'Gambia'],
  ['GE', 'Georgia'],
  ['DE', 'Germany'],
  ['GH', 'Ghana'],
  ['GI', 'Gibraltar'],
  ['GR', 'Greece'],
  ['GL', 'Greenland'],
  ['GD', 'Grenada'],
  ['GP', 'Guadeloupe'],
  ['GU', 'Guam'],
  ['GT', 'Guatemala'],
  ['GG', 'Guernsey'],
  ['GN', 'Guinea'],
  ['GW', 'Guinea-Bissau'],
  ['GY', 'Guyana'],
  ['HT', 'Haiti'],
  ['HN', 'Honduras'],
  ['HK', 'Hong Kong'],
  ['HU', 'Hungary'],
  ['IS', 'Iceland'],
  ['IN', 'India'],
  ['ID', 'Indonesia'],
  ['IR', 'Iran'],
  ['IQ', 'Iraq'],
  ['IE', 'Ireland', 'Republic of Ireland'],
  ['IM', 'Isle of Man'],
  ['IL', 'Israel'],
  ['IT', 'Italy'],
  ['JM', 'Jamaica'],
  ['JP', 'Japan'],
  ['JE', 'Jersey'],
  ['JO', 'Jordan'],
  ['KZ', 'Kazakhstan'],
  ['KE', 'Kenya'],
  ['KI', 'Kiribati'],
  ['KP', 'North Korea', 'Korea'],
  ['KR', 'South Korea', 'Korea'],
  ['KW', 'Kuwait'],
  ['KG', 'Kyrgyzstan'],
  ['LA', 'Laos'],
  ['LV', 'Latvia'],
  ['LB', 'Lebanon'],
  ['LS', 'Lesotho'],
  ['LR', 'Liberia'],
  ['LY', 'Libya'],
  ['LI', 'Liechtenstein'],
  ['LT', 'Lithuania'],
  ['LU', 'Luxembourg'],
  ['MO', 'Macao', 'Macau'],
  ['MG', 'Madagascar'],
  ['MW', 'Malawi'],
  ['MY', 'Malaysia'],
  ['MV', 'Maldives'],
  ['ML', 'Mali'],
  ['MT', 'Malta'],
  ['MH', 'Marshall Islands'],
  ['MQ', 'Martinique'],
  ['MR', 'Mauritania'],
  ['MU', 'Mauritius'],
  ['YT', 'Mayotte'],
  ['MX', 'Mexico'],
  ['FM', 'Micronesia'],
  ['MD', 'Moldova'],
  ['MC', 'Monaco'],
  ['MN', 'Mongolia'],
  ['ME', 'Montenegro'],
  ['MS', 'Montserrat'],
  ['MA', 'Morocco'],
  ['MZ', 'Mozambique'],
  ['MM', 'Myanmar', 'Burma'],
  ['NA', 'Namibia'],
  ['NR', 'Nauru'],
  ['NP', 'Nepal'],
  ['NL', 'Netherlands', 'Holland'],
  ['NC', 'New Caledonia'],
  ['NZ', 'New Zealand'],
  ['NI', 'Nicaragua'],
  ['NE', 'Niger'],
  ['NG', 'Nigeria'],
  ['MK', 'North Macedonia', 'Macedonia'],
  ['MP', 'Northern Mariana Islands'],
  ['NO', 'Norway'],
  ['OM', 'Oman'],
  ['PK', 'Pakistan'],
  ['PW', 'Palau'],
  ['PS', 'Palestine'],
  ['PA', 'Panama'],
  ['PG', 'Papua New Guinea'],
  ['PY', 'Paraguay'],
  ['PE', 'Peru'],
  ['PH', 'Philippines'],
  ['PL', 'Poland'],
  ['PT', 'Portugal'],
  ['PR', 'Puerto Rico'],
  ['QA', 'Qatar'],
  ['RE', 'Réunion'],
  ['RO', 'Romania'],
  ['RU', 'Russia'],
  ['RW', 'Rwanda'],
  ['KN', 'Saint Kitts and Nevis', 'St. Kitts and Nevis'],
  ['LC', 'Saint Lucia', 'St. Lucia'],
  [
    'VC',
    'Saint Vincent and the Grenadines',
    'St. Vincent and the Grenadines',
    'St. Vincent'
  ],
  ['WS', 'Samoa'],
  ['SM', 'San Marino'],
  ['ST', 'São Tomé and Príncipe'],
  ['SA', 'Saudi Arabia'],
  ['SN', 'Senegal'],
  ['RS', 'Serbia'],
  ['SC', 'Seychelles'],
  ['SL', 'Sierra Leone'],
  ['SG', 'Singapore'],
  ['SX', 'Sint Maarten'],
  ['SK', 'Slovakia'],
  ['SI', 'Slovenia'],
  ['SB', 'Solomon Islands'],
  ['SO', 'Somalia'],
  ['ZA', 'South Africa'],
  ['SS', 'South Sudan'],
  ['ES', 'Spain'],
  ['LK', 'Sri Lanka'],
  ['SD', 'Sudan'],
  ['SR', 'Suriname'],
  ['SE', 'Sweden'],
  ['CH', 'Switzerland'],
  ['SY', 'Syria'],
  ['TW', 'Taiwan'],
  ['TJ', 'Tajikistan'],
  ['TZ', 'Tanzania'],
  ['TH', 'Thailand'],
  ['TG', 'Togo'],
  ['TO', 'Tonga'],
  ['TT', 'Trinidad and Tobago', 'Trinidad'],
  ['TN', 'Tunisia'],
  ['TR', 'Turkey', 'Türkiye'],
  ['TM', 'Turkmenistan'],
  ['TC', 'Turks and Caicos Islands', 'Turks and Caicos'],
  ['TV', 'Tuvalu'],
  ['UG', 'Uganda'],
  ['UA', 'Ukraine'],
  ['AE', 'United Arab Emirates', 'UAE', 'U.A.E.'],
  ['GB', 'United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  [
    'US',
    'United States',
    'United States of America',
    'US',
    'U.S.',
    'USA',
    'U.S.A.'
  ],
  ['VI', 'U.S. Virgin Islands', 'US Virgin Islands'],
  ['UY', 'Uruguay'],
  ['UZ', 'Uzbekistan'],
  ['VU', 'Vanuatu'],
  ['VA', 'Vatican City', 'Vatican', 'Holy See'],
  ['VE', 'Venezuela'],
  ['VN', 'Vietnam', 'Viet Nam'],
  ['EH', 'Western Sahara'],
  ['YE', 'Yemen'],
  ['ZM', 'Zambia'],
  ['ZW', 'Zimbabwe']
]

// Countries datelines name that have no ISO 3166-1 alpha-2 code: not
// assigned one (Kosovo) or no longer in being (archive copy).
const countriesWithoutCode: readonly string[] = [
  'Kosovo',
  'West Germany',
  'East Germany',
  'Soviet Union',
  'USSR',
  'Yugoslavia',
  'Czechoslovakia',
  'Zaire'
]

/** A spelling in capitals without stops (`SD`, `NSW`, `UAE`): matched exactly. */
const code = /^[A-Z]{2,3}$/

/** Capitalized codes (`WY`, `ON`, `UK`) and folded names (`wyo`, `southdakota`). */
const codes = new Map<string, Division>()
const names = new Map<string, Division>()

for (const [postal, name, ...spellings] of usStates) {
  if (postal && name) {
    addSpellings({kind: 'state', name, code: `US-${postal}`}, [
      name,
      ...spellings
    ])
  }
}
for (const [subdivision, name, ...spellings] of regions) {
  if (subdivision && name) {
    addSpellings({kind: 'region', name, code: subdivision}, [
      name,
      ...spellings
    ])
  }
}
for (const [alpha2, name, ...spellings] of countries) {
  if (alpha2 && name) {
    addSpellings({kind: 'country', name, code: alpha2}, [name, ...spellings])
  }
}
for (const name of countriesWithoutCode) {
  addSpellings({kind: 'country', name}, [name])
}

/** Index `division` under each of its spellings; a spelling two divisions share says less. */
function addSpellings(division: Division, spellings: readonly string[]) {
  for (const spelling of spellings) {
    const [map, key] = code.test(spelling)
      ? [codes, spelling]
      : [names, foldName(spelling)]
    const seen = map.get(key)
    if (seen === undefined || seen === division) {
      map.set(key, division)
    } else {
      // Two countries (`Congo`): a country, but which one is unknown.
      // A state and a country (`Georgia`): only that it is a region.
      map.set(key, {kind: seen.kind === division.kind ? seen.kind : 'region'})
    }
  }
}

/**
 * What `part` names: a code in capitals only as a code (`OR` is Oregon,
 * `Or` nothing), anything else by letters and digits alone, case and
 * accents folded (`N. Y.` = `N.Y.` = `NY`), a leading `the` dropped.
 */
function lookup(part: string): Division | undefined {
  return code.test(part) ? codes.get(part) : names.get(foldName(part))
}

function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
}

/** One comma-separated part of the text, trimmed, with where it stands. */
interface Part {
  value: string
  start: number
  end: number
}

/**
 * Split a dateline's place as printed (`ROSCOE, S.D.`) into its parts, or
 * `undefined` when it holds no letters.
 */
export function splitDatelinePlace(text: string): DatelinePlace | undefined {
  const parts = splitParts(text)
  const [city, ...rest] = parts
  if (!city || !/\p{L}/u.test(text)) return undefined
  const place: DatelinePlace = {text, city: city.value}
  if (rest.length === 0) return place

  const last = rest[rest.length - 1]
  const lastDivision = last ? lookup(last.value) : undefined
  const middle = lastDivision?.kind === 'country' ? rest.slice(0, -1) : rest
  if (last && lastDivision?.kind === 'country') {
    place.country = last.value
    if (lastDivision.code) place.countryCode = lastDivision.code
  }

  const [only] = middle
  if (middle.length === 1 && only) {
    const division = lookup(only.value)
    if (division?.kind === 'state') {
      place.state = only.value
      if (division.name) place.stateName = division.name
      if (division.code) place.stateCode = division.code
    } else {
      place.region = only.value
      // A country between city and country is no known region.
      if (division?.kind === 'region' && division.name) {
        place.regionName = division.name
      }
      if (division?.kind === 'region' && division.code) {
        place.regionCode = division.code
      }
    }
    // The country a state or region lies in, unless one is printed.
    const subdivision = place.stateCode ?? place.regionCode
    if (place.country === undefined && subdivision) {
      place.countryCode = subdivision.slice(0, 2)
    }
  } else if (middle.length > 1) {
    const first = middle[0]
    const end = middle[middle.length - 1]
    if (first && end) place.region = text.slice(first.start, end.end)
  }
  return place
}

/** The non-blank comma-separated parts of `text`, trimmed. */
function splitParts(text: string): Part[] {
  const parts: Part[] = []
  let start = 0
  for (const piece of text.split(',')) {
    const lead = piece.length - piece.trimStart().length
    const value = piece.trim()
    if (value !== '') {
      parts.push({value, start: start + lead, end: start + lead + value.length})
    }
    start += piece.length + 1
  }
  return parts
}
