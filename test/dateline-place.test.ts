// The place of a dateline split in parts by convention (`rules/dateline-place.ts`):
// examples written for these tests, one per convention.
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {
  type DatelinePlace,
  splitDatelinePlace
} from '../pipeline/rules/dateline-place.js'

/** The parts of `place` in the order they must be read in its text. */
function partsOf(place: DatelinePlace): string[] {
  return [place.city, place.state, place.region, place.country].filter(
    (part): part is string => part !== undefined
  )
}

/** `text` with each part found in reading order and cut out, or `undefined` if one is missing or out of order. */
function withoutParts(place: DatelinePlace): string | undefined {
  let rest = ''
  let cursor = 0
  for (const part of partsOf(place)) {
    const start = place.text.indexOf(part, cursor)
    if (start === -1) return undefined
    rest += place.text.slice(cursor, start)
    cursor = start + part.length
  }
  return rest + place.text.slice(cursor)
}

describe('splitDatelinePlace', () => {
  test.each([
    'SEOUL',
    'Berlin',
    'WASHINGTON',
    'Rio de Janeiro',
    'ST. PAUL',
    'NEW ORLEANS',
    // A city-state, a country alone, an institution: the dateline's place.
    'MONACO',
    'KUWAIT',
    'UNITED NATIONS'
  ])('`%s` alone is a city', (text) => {
    expect(splitDatelinePlace(text)).toEqual({text, city: text})
  })

  test.each([
    ['ROSCOE, South Dakota', 'South Dakota', 'South Dakota', 'US-SD'],
    ['CHEYENNE, Wyo.', 'Wyo.', 'Wyoming', 'US-WY'],
    ['ALBANY, N.Y.', 'N.Y.', 'New York', 'US-NY'],
    ['BOWLING GREEN, Ky.', 'Ky.', 'Kentucky', 'US-KY'],
    ['FRESNO, Calif.', 'Calif.', 'California', 'US-CA'],
    ['Macon, Ga.', 'Ga.', 'Georgia', 'US-GA'],
    ['SHREVEPORT, La.', 'La.', 'Louisiana', 'US-LA'],
    ['ANACOSTIA, D.C.', 'D.C.', 'District of Columbia', 'US-DC'],
    // The eight states AP never abbreviates.
    ['AMES, Iowa', 'Iowa', 'Iowa', 'US-IA'],
    ['NOME, Alaska', 'Alaska', 'Alaska', 'US-AK'],
    // Older abbreviations, stops spaced or left off, all capitals.
    ['MINOT, N. Dak.', 'N. Dak.', 'North Dakota', 'US-ND'],
    ['WHEELING, W. Va.', 'W. Va.', 'West Virginia', 'US-WV'],
    ['ERIE, Penna.', 'Penna.', 'Pennsylvania', 'US-PA'],
    ['TOPEKA, Kan', 'Kan', 'Kansas', 'US-KS'],
    ['NEW HAVEN, CONN.', 'CONN.', 'Connecticut', 'US-CT'],
    ['PIERRE, SOUTH DAKOTA', 'SOUTH DAKOTA', 'South Dakota', 'US-SD'],
    // Postal codes, in capitals only.
    ['SALEM, OR', 'OR', 'Oregon', 'US-OR'],
    ['Bangor, ME', 'ME', 'Maine', 'US-ME'],
    ['SPOKANE, Wash.', 'Wash.', 'Washington', 'US-WA']
  ])('`%s`: the state `%s` (%s, %s)', (text, state, stateName, stateCode) => {
    expect(splitDatelinePlace(text)).toEqual({
      text,
      city: text.slice(0, text.indexOf(',')),
      state,
      stateName,
      stateCode,
      countryCode: 'US'
    })
  })

  test.each([
    ['OTTAWA, Ont.', 'Ont.', 'Ontario', 'CA-ON', 'CA'],
    ['HALIFAX, Nova Scotia', 'Nova Scotia', 'Nova Scotia', 'CA-NS', 'CA'],
    ['CHARLOTTETOWN, P.E.I.', 'P.E.I.', 'Prince Edward Island', 'CA-PE', 'CA'],
    ['IQALUIT, NU', 'NU', 'Nunavut', 'CA-NU', 'CA'],
    ['Trois-Rivières, Québec', 'Québec', 'Quebec', 'CA-QC', 'CA'],
    [
      'CORNER BROOK, Nfld.',
      'Nfld.',
      'Newfoundland and Labrador',
      'CA-NL',
      'CA'
    ],
    ['HOBART, Tasmania', 'Tasmania', 'Tasmania', 'AU-TAS', 'AU'],
    ['WOLLONGONG, NSW', 'NSW', 'New South Wales', 'AU-NSW', 'AU'],
    ['DUBBO, N.S.W.', 'N.S.W.', 'New South Wales', 'AU-NSW', 'AU'],
    ['SWANSEA, Wales', 'Wales', 'Wales', 'GB-WLS', 'GB']
  ])(
    '`%s`: the region `%s` (%s, %s)',
    (text, region, regionName, regionCode, countryCode) => {
      expect(splitDatelinePlace(text)).toEqual({
        text,
        city: text.slice(0, text.indexOf(',')),
        region,
        regionName,
        regionCode,
        countryCode
      })
    }
  )

  test.each([
    ['PARIS, France', 'France', 'FR'],
    ['SAN JUAN, Puerto Rico', 'Puerto Rico', 'PR'],
    ['LAGOS, NIGERIA', 'NIGERIA', 'NG'],
    ['INCHEON, South Korea', 'South Korea', 'KR'],
    ["YAMOUSSOUKRO, Côte d'Ivoire", "Côte d'Ivoire", 'CI'],
    ['YAMOUSSOUKRO, Cote d’Ivoire', 'Cote d’Ivoire', 'CI'],
    ['ROTTERDAM, the Netherlands', 'the Netherlands', 'NL'],
    ['BANJUL, The Gambia', 'The Gambia', 'GM'],
    ['LEEDS, U.K.', 'U.K.', 'GB'],
    ['LEEDS, UK', 'UK', 'GB'],
    ['SHARJAH, UAE', 'UAE', 'AE'],
    ['CASTRIES, St. Lucia', 'St. Lucia', 'LC'],
    ['CASTRIES, Saint Lucia', 'Saint Lucia', 'LC']
  ])('`%s`: the country `%s` (%s)', (text, country, countryCode) => {
    expect(splitDatelinePlace(text)).toEqual({
      text,
      city: text.slice(0, text.indexOf(',')),
      country,
      countryCode
    })
  })

  test.each([
    // Two countries by one name: a country, but which is unknown.
    ['MBANDAKA, Congo', 'Congo'],
    ['BUSAN, Korea', 'Korea'],
    // No longer in being, or never given an ISO code.
    ['BONN, West Germany', 'West Germany'],
    ['PRIZREN, Kosovo', 'Kosovo']
  ])('`%s`: the country `%s`, without a code', (text, country) => {
    expect(splitDatelinePlace(text)).toEqual({
      text,
      city: text.slice(0, text.indexOf(',')),
      country
    })
  })

  test.each([
    // A US state and a country.
    ['BATUMI, Georgia', 'Georgia'],
    // Washington and Western Australia; Northwest Territories and Northern Territory.
    ['BROOME, WA', 'WA'],
    ['INUVIK, NT', 'NT'],
    // `LA` is as often Los Angeles as Louisiana; `Or` is no postal code.
    ['VENICE BEACH, LA', 'LA'],
    ['SALEM, Or', 'Or'],
    // Not in the lists: said no more of than that it is an area.
    ['NABLUS, West Bank', 'West Bank'],
    ['TBILISI, Republic of Georgia', 'Republic of Georgia'],
    ['ASPEN, Colorado Rockies', 'Colorado Rockies']
  ])('`%s`: `%s` is a region, nothing more', (text, region) => {
    expect(splitDatelinePlace(text)).toEqual({
      text,
      city: text.slice(0, text.indexOf(',')),
      region
    })
  })

  test('city, state and country', () => {
    expect(splitDatelinePlace('PORTLAND, Maine, USA')).toEqual({
      text: 'PORTLAND, Maine, USA',
      city: 'PORTLAND',
      state: 'Maine',
      stateName: 'Maine',
      stateCode: 'US-ME',
      countryCode: 'US',
      country: 'USA'
    })
  })

  test('city, province and country', () => {
    expect(splitDatelinePlace('NANAIMO, B.C., Canada')).toEqual({
      text: 'NANAIMO, B.C., Canada',
      city: 'NANAIMO',
      region: 'B.C.',
      regionName: 'British Columbia',
      regionCode: 'CA-BC',
      country: 'Canada',
      countryCode: 'CA'
    })
  })

  test('an unknown region before a country keeps the country’s code', () => {
    expect(splitDatelinePlace('PASSAU, Bavaria, Germany')).toEqual({
      text: 'PASSAU, Bavaria, Germany',
      city: 'PASSAU',
      region: 'Bavaria',
      country: 'Germany',
      countryCode: 'DE'
    })
  })

  test('the printed country wins over the one a region implies', () => {
    // Nonsense, but printed: nothing is reconciled or guessed.
    expect(splitDatelinePlace('KINGSTON, Ont., Jamaica')).toMatchObject({
      region: 'Ont.',
      regionCode: 'CA-ON',
      country: 'Jamaica',
      countryCode: 'JM'
    })
  })

  test('several parts between city and country are one region, commas and all', () => {
    expect(splitDatelinePlace('ASH GROVE, Greene County, Mo.')).toEqual({
      text: 'ASH GROVE, Greene County, Mo.',
      city: 'ASH GROVE',
      region: 'Greene County, Mo.'
    })
    expect(
      splitDatelinePlace('PAARL, Western Cape, Boland, South Africa')
    ).toEqual({
      text: 'PAARL, Western Cape, Boland, South Africa',
      city: 'PAARL',
      region: 'Western Cape, Boland',
      country: 'South Africa',
      countryCode: 'ZA'
    })
  })

  test('keeps the text as given; the parts are trimmed', () => {
    expect(splitDatelinePlace(' ROSCOE ,  S.D. ')).toEqual({
      text: ' ROSCOE ,  S.D. ',
      city: 'ROSCOE',
      state: 'S.D.',
      stateName: 'South Dakota',
      stateCode: 'US-SD',
      countryCode: 'US'
    })
    expect(splitDatelinePlace('ROSCOE,')).toEqual({
      text: 'ROSCOE,',
      city: 'ROSCOE'
    })
  })

  test.each(['', ' ', ',', ' , ', '—', '12'])('`%s` names no place', (text) => {
    expect(splitDatelinePlace(text)).toBe(undefined)
  })

  test('every letter of the text is in a part, and the parts are in reading order', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'ROSCOE',
        'South Dakota',
        'Wyo.',
        'N.Y.',
        'OR',
        'Ont.',
        'Georgia',
        'France',
        'Congo',
        'the Netherlands',
        'West Bank',
        'Luxembourg',
        'LUXEMBOURG'
      ),
      fc.string({maxLength: 12})
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 5}), (pieces) => {
        const text = pieces.join(', ')
        const place = splitDatelinePlace(text)
        if (place === undefined) {
          expect(text).not.toMatch(/\p{L}/u)
          return
        }
        expect(place.text).toBe(text)
        const rest = withoutParts(place)
        expect(rest).toBeDefined()
        // What no part holds is only the commas and spaces between them.
        expect(rest).toMatch(/^[\s,]*$/)
      })
    )
  })
})
