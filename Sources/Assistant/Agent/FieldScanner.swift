import SpanishText
import Support

/// Finds the pieces of contact data in a message by their shape, before anything is
/// assigned to a slot: e-mail addresses, street addresses ("Calle 5 # 38-21", "Carrera 28
/// No. 42-40", "Av 136A N° 117-56"), numbers that may be a cédula or a phone
/// ("1.107.654.321", "315 678 9012", "(602) 626 2679", "204 1587", "+57 318 284 2304"),
/// labels ("cc", "cel", "barrio") and separators. Positions are character offsets in the
/// original message. Every step is one pass over the message (entities and labels are
/// capped), so a hostile message costs linear time.
struct FieldScanner {
    struct Entity: Equatable {
        enum Kind: Equatable {
            case email
            case address
            /// Digits only; `phoneLike` when it reads as a Colombian phone.
            case number(digits: String, phoneLike: Bool)
        }
        var kind: Kind
        var range: Range<Int>
    }

    struct Label: Equatable {
        var slot: CheckoutSlot
        /// The label's own characters.
        var range: Range<Int>
        /// Word index just after the label.
        var nextWord: Int
    }

    /// Bounds on what one message may hold (a form has seven fields).
    static let maxEntities = 40
    static let maxLabels = 40

    let characters: [Character]
    let words: Words
    private(set) var entities: [Entity] = []
    private(set) var labels: [Label] = []
    /// Offsets of characters that end a piece of data: , ; / | : newline, and ". ", in order.
    private(set) var separators: [Int] = []
    /// Characters taken by an entity.
    private var consumed: [Bool]

    static let streetWords: Set<String> = [
        "calle", "cll", "cl", "clle", "carrera", "cra", "kra", "kr", "cr", "carr", "cra.", "av", "avenida", "avda",
        "diagonal", "diag", "dg", "transversal", "transv", "tv", "tr", "trans", "autopista", "circular", "circ",
        "manzana", "mz", "mza", "vereda", "km", "kilometro",
    ]
    /// The kilometre of a road ("km 9", "kilómetro 9").
    static let kilometreWords: Set<String> = ["km", "kilometro"]
    /// Words that may trail an address only because the next value follows ("en el barrio").
    static let addressTails: Set<String> = [
        "en", "el", "la", "los", "las", "de", "del", "y", "e", "con", "por", "queda",
    ]
    /// The most words of a street's name between the street word and its number.
    static let maxStreetNameWords = 4
    /// The most words looked back from a label for a heading's paper word.
    static let maxHeadingWords = 6
    /// Words for "number" inside an address ("No. 42-40", "N° 5-54", "Nro 3").
    static let numberSigns: Set<String> = ["no", "n", "nro", "num", "numero"]

    init(_ text: String) {
        characters = Array(text)
        words = Words(text)
        consumed = Array(repeating: false, count: characters.count)
        scanSeparators()
        scanEmails()
        scanAddresses()
        scanNumbers()
        scanLabels()
        entities.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    func isConsumed(_ offset: Int) -> Bool {
        consumed.indices.contains(offset) && consumed[offset]
    }

    func text(_ range: Range<Int>) -> String {
        let clamped = max(0, range.lowerBound)..<min(characters.count, range.upperBound)
        guard !clamped.isEmpty else { return "" }
        return String(characters[clamped])
    }

    /// The first separator at or after `offset`, or the end of the message (binary search).
    func nextSeparator(after offset: Int) -> Int {
        let low = separators.sortedFirstIndex(atLeast: offset)
        return low < separators.count ? separators[low] : characters.count
    }

    /// Where the piece of data holding `offset` starts: after the last separator before it,
    /// or at the message's start (binary search).
    func pieceStart(before offset: Int) -> Int {
        let low = separators.sortedFirstIndex(atLeast: offset)
        return low > 0 ? separators[low - 1] + 1 : 0
    }

    /// Whether the folded words of `phrase` occur at word `index`.
    func phrase(_ phrase: [String], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= words.count else { return false }
        for (offset, part) in phrase.enumerated() where words[index + offset] != part { return false }
        return true
    }

    private mutating func add(_ entity: Entity) {
        guard entities.count < Self.maxEntities else { return }
        entities.append(entity)
        for offset in entity.range where consumed.indices.contains(offset) { consumed[offset] = true }
    }

    /// Punctuation, a dot that ends a sentence, and a spaced dash of any length ("… Gómez —
    /// cédula 43619827 — cel …": an em dash between the data separates like a comma).
    private mutating func scanSeparators() {
        for (index, character) in characters.enumerated() {
            if ",;/|:\n".contains(character) {
                separators.append(index)
            } else if character == ".", index + 1 < characters.count, characters[index + 1].isWhitespace,
                !endsAbbreviation(index)
            {
                separators.append(index)
            } else if "-–—".contains(character), index > 0, index + 1 < characters.count, characters[index - 1] == " ",
                characters[index + 1] == " ",
                // "Cl 5 Nro 3 - 21": a dash between the numbers of an address separates nothing.
                !(index >= 2 && index + 2 < characters.count && characters[index - 2].isNumber
                    && characters[index + 2].isNumber)
            {
                separators.append(index)
            }
        }
    }

    /// Abbreviations written with a dot inside a value: street kinds ("Av. Roosevelt"),
    /// address units ("Of. 201", "Apto. 302", "Bod. 3") and titles ("Sr.", "Ing."). Their dot
    /// does not end the piece of data.
    static let abbreviations: Set<String> = [
        "av", "avda", "cra", "cr", "kr", "cl", "cll", "dg", "tv", "transv", "diag", "of", "ofc", "ofi", "apto", "apt",
        "ap", "int", "bod", "loc", "lc", "edif", "ed", "mz", "mza", "bl", "blq", "urb", "brr", "sr", "sra", "dr",
        "dra", "ing", "lic", "nro", "num",
    ]

    /// Whether the dot at `offset` closes one of `abbreviations` (the letters right before it).
    private func endsAbbreviation(_ offset: Int) -> Bool {
        var start = offset
        while start > 0, offset - start < 6, characters[start - 1].isLetter { start -= 1 }
        guard start < offset, start == 0 || !characters[start - 1].isLetter else { return false }
        return Self.abbreviations.contains(TextFold.fold(String(characters[start..<offset])))
    }

    private mutating func scanEmails() {
        for (index, character) in characters.enumerated() where character == "@" {
            var start = index
            while start > 0, Self.isEmailCharacter(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count, Self.isEmailCharacter(characters[end]), characters[end] != "@" { end += 1 }
            while end > index + 1, characters[end - 1] == "." { end -= 1 }
            let domain = String(characters[(index + 1)..<end])
            guard start < index, domain.contains("."), !domain.hasPrefix(".") else { continue }
            add(Entity(kind: .email, range: start..<end))
        }
    }

    private static func isEmailCharacter(_ c: Character) -> Bool {
        (c.isLetter || c.isNumber) && c.isASCII || "._%+-".contains(c)
    }

    /// A street word followed, within `maxStreetNameWords` words, by a number; the address runs
    /// to the next separator, label word or e-mail. The dot of "No." is not a separator.
    private mutating func scanAddresses() {
        // Text written all in lowercase (WhatsApp) shows no names by their capitals: a place
        // after a dash or a complement word counts as one by its position alone.
        let caseless = !characters.contains(where: \.isUppercase)
        var index = 0
        while index < words.count {
            let word = words.words[index]
            let lookahead = index + 1..<min(index + 2 + Self.maxStreetNameWords, words.count)
            // "calle cuarenta y cinco número veinte guion diez": numbers in words, with the
            // number sign after them.
            guard Self.streetWords.contains(word.text), !isConsumed(word.range.lowerBound),
                let numberAt = lookahead.first(where: { words[$0].first?.isNumber == true || isSpokenNumber($0) })
            else {
                index += 1
                continue
            }
            // Only letters (a street name) may come between the street word and its number; a
            // name of three words or more is written as one ("Calle Real del Medio # 18-32"),
            // capitals but for its particles.
            let between = (index + 1..<numberAt).allSatisfy { words[$0].allSatisfy(\.isLetter) }
            // "Avenida La Playa casa 14": the house's number after the street's name and a unit;
            // "Avenida Simón Bolívar km 9": the kilometre of a named road.
            let nameEnd =
                numberAt - 1 > index + 1
                    && (Self.complementWords.contains(words[numberAt - 1])
                        || Self.kilometreWords.contains(words[numberAt - 1]))
                ? numberAt - 1 : numberAt
            let named =
                numberAt - index - 1 < 3
                || (index + 1..<nameEnd).allSatisfy {
                    CheckoutFieldExtractor.nameParticles.contains(words[$0])
                        || characters[words.words[$0].range.lowerBound].isUppercase
                }
            guard between, named else {
                index += 1
                continue
            }
            var end = nextSeparator(after: word.range.upperBound)
            // "Carrera 28 No. 42-40": the dot after a number sign does not end the address.
            while end < characters.count, characters[end] == ".", let sign = wordEnding(at: end),
                Self.numberSigns.contains(words[sign])
            {
                end = nextSeparator(after: end + 1)
            }
            // The number belongs to the same piece: "en la calle necesito: 10 conos" is a story
            // about a street and a count, no address.
            guard words.words[numberAt].range.lowerBound < end else {
                index += 1
                continue
            }
            // "Km 3 vía Candelaria - Puerto Tejada": a road between two places runs over the dash.
            if end + 2 < characters.count, characters[end] == "-", let next = wordStarting(after: end),
                characters[words.words[next].range.lowerBound].isUppercase || caseless,
                (index..<next).contains(where: { Self.roadWords.contains(words[$0]) })
            {
                end = nextSeparator(after: end + 1)
            }
            // "Km 3 vía La Buitrera, finca El Naranjo", "Calle 13 # 100-20, bodega 5": a unit of
            // the place after a comma (a complement word and a number or a name) is the address.
            // A site ("campamento de obra", "bodega principal") needs no number or name after it.
            while end < characters.count, characters[end] == ",", let next = wordStarting(after: end),
                Self.complementWords.contains(words[next]) || Self.siteWords.contains(words[next]),
                next + 1 < words.count,
                Self.siteWords.contains(words[next]) || words[next + 1].first?.isNumber == true
                    || characters[words.words[next + 1].range.lowerBound].isUppercase
                    || (caseless && !Self.addressTails.contains(words[next + 1]))
            {
                end = nextSeparator(after: words.words[next].range.upperBound)
            }
            if let email = entities.first(where: { $0.range.lowerBound > word.range.lowerBound }) {
                end = min(end, email.range.lowerBound)
            }
            // Stop before a label word that follows the address ("… barrio Alameda", "… cel 300…").
            var cursor = numberAt + 1
            while cursor < words.count, words.words[cursor].range.lowerBound < end {
                if endsAddress(cursor) {
                    end = words.words[cursor].range.lowerBound
                    break
                }
                cursor += 1
            }
            var last = end
            while last > word.range.lowerBound, characters[last - 1].isWhitespace { last -= 1 }
            // "Calle 15 # 22-33 en el barrio…": the words leading to the next value go.
            var tail = cursor - 1
            while tail > numberAt, words.words[tail].range.upperBound <= last,
                Self.addressTails.contains(words[tail])
            {
                last = words.words[tail].range.lowerBound
                while last > word.range.lowerBound, characters[last - 1].isWhitespace || characters[last - 1] == "," {
                    last -= 1
                }
                tail -= 1
            }
            last = withoutTrailingPlace(from: numberAt, to: last)
            add(Entity(kind: .address, range: leadingSite(before: index)..<last))
            while index < words.count, words.words[index].range.lowerBound < end { index += 1 }
        }
    }

    /// Where an address starts when a named site or road comes before its street, with or
    /// without a comma ("Finca El Recuerdo, km 7 vía a Cajibío", "finca Los Naranjos kilómetro 5 vía
    /// Rozo", "Bodega 4, Calle 13 # 100-20"): at the site's word, when
    /// only its name (at most `maxSiteNameWords` words, no separator) lies between and the site
    /// opens its piece or is capitalized; otherwise at the street word `index`.
    private func leadingSite(before index: Int) -> Int {
        let street = words.words[index].range.lowerBound
        guard index > 0 else { return street }
        let gap = characters[words.words[index - 1].range.upperBound..<street]
        guard gap.filter({ $0 == "," }).count <= 1, gap.allSatisfy({ $0 == "," || $0.isWhitespace }) else {
            return street
        }
        var first = index - 1
        while first >= 0, index - first <= Self.maxSiteNameWords + 1 {
            let word = words.words[first]
            if isConsumed(word.range.lowerBound) { break }
            if Self.siteWords.contains(word.text) || Self.roadWords.contains(word.text) {
                // The site opens its piece or is written as a name ("para la bodega, calle 5…"
                // is no site of the address).
                // "la finca La Esperanza, km 14…": an article or "mi" before a site named with
                // capitals still opens it ("la bodega está en la Carrera 1…" names none).
                var lead = first
                let capitalized = (first + 1..<index).allSatisfy {
                    characters[words.words[$0].range.lowerBound].isUppercase
                        || CheckoutFieldExtractor.nameParticles.contains(words[$0])
                }
                while capitalized, lead > 0, first - lead < Self.maxSiteLeadWords,
                    Self.siteLeads.contains(words[lead - 1]), !words.words[lead].afterMark
                {
                    lead -= 1
                }
                var before = words.words[lead].range.lowerBound
                while before > 0, characters[before - 1].isWhitespace { before -= 1 }
                let opensPiece = before == 0 || nextSeparator(after: before - 1) == before - 1
                // A capitalized site word right after a capitalized word is part of a name
                // ("Jeison Andrés Mina Carabalí, carrera 28D…": Mina is a surname).
                let insideName =
                    !opensPiece && first > 0 && characters[words.words[first - 1].range.lowerBound].isUppercase
                let named = characters[word.range.lowerBound].isUppercase && !insideName
                return opensPiece || named || followsAddressLabel(first) ? word.range.lowerBound : street
            }
            guard first > 0 else { break }
            let between = characters[words.words[first - 1].range.upperBound..<word.range.lowerBound]
            guard between.allSatisfy(\.isWhitespace) else { break }
            first -= 1
        }
        return street
    }

    static let maxSiteNameWords = 4
    /// Words that may come before a site that opens its piece ("la finca…", "mi bodega…").
    static let siteLeads: Set<String> = ["la", "el", "mi", "una", "un", "nuestra", "nuestro", "es"]
    static let maxSiteLeadWords = 2

    /// Word `index` comes right after "dirección" and at most `maxLabelLinkWords` links ("la
    /// dirección es finca El Mirador km 3 vía Piendamó", "dirección: la finca La Cabaña").
    private func followsAddressLabel(_ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, index - 1 - before < Self.maxLabelLinkWords, Self.labelLinks.contains(words[before]) {
            before -= 1
        }
        return before >= 0 && Self.addressLabels.contains(words[before])
    }

    static let addressLabels: Set<String> = ["direccion", "dir", "direc"]
    static let labelLinks: Set<String> = ["es", "la", "el", "en", "queda", "seria"]
    static let maxLabelLinkWords = 3

    /// Units that name a whole site, which a customer may write before the street or after
    /// it without a number ("Finca El Recuerdo, km 7…", "…, campamento de obra").
    static let siteWords: Set<String> = [
        "finca", "hacienda", "parcela", "granja", "galpon", "campamento", "bodega", "sede", "nave", "edificio",
        // Works and plants named by their kind ("Mina La Esmeralda km 4 vía Sogamoso",
        // "Kilómetro 3 vía Paipa, Ladrillera Santa Fe", "Planta de tratamiento, km 6").
        "mina", "planta", "ladrillera", "cantera", "trapiche", "vivero", "piscicola", "aserrio",
        // Homes and lodgings by their name ("Conjunto Residencial Torres del Bosque, Avenida
        // 4E # 11-90", "Ranchería Perrapu, kilómetro 3 vía Riohacha").
        "conjunto", "condominio", "urbanizacion", "rancheria", "posada", "hotel", "hostal", "parqueadero",
    ]

    /// Roads named before the kilometre ("Vía Panamericana km 97", "carretera a Dagua km 12").
    static let roadWords: Set<String> = ["via", "carretera", "troncal", "variante"]

    /// A number in words followed by a number sign ("cuarenta y cinco número veinte").
    private func isSpokenNumber(_ at: Int) -> Bool {
        Self.isNumberWord(words, at: at)
            && (at + 1..<min(at + 6, words.count)).contains { Self.numberSigns.contains(words[$0]) }
    }

    /// A number said in words ("ocho", "cuarenta y cinco"), not the article "un"/"una"/"uno".
    static func isNumberWord(_ words: Words, at index: Int) -> Bool {
        !["un", "una", "uno"].contains(words[index]) && SpanishNumber.read(words, at: index) != nil
    }

    /// Where an address ends when a neighbourhood follows its house number with nothing
    /// between ("Cra. 80 #34-12 Laureles", "Calle 5 # 10-20 San Fernando"): the capitalized
    /// words after the number that are no unit, orientation or number are left out.
    private func withoutTrailingPlace(from numberAt: Int, to end: Int) -> Int {
        var plate: Int?
        var index = numberAt + 1
        while index < words.count, words.words[index].range.upperBound <= end {
            let gap = characters[words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound]
            if gap.contains("-"), words[index - 1].first?.isNumber == true, words[index].first?.isNumber == true {
                plate = index
            }
            index += 1
        }
        guard let plate, plate + 1 < index, index - plate - 1 <= 4 else { return end }
        let trailing = (plate + 1)..<index
        let place = trailing.allSatisfy { word in
            let text = words[word]
            return characters[words.words[word].range.lowerBound].isUppercase && text.count > 1
                && text.allSatisfy(\.isLetter) && !Self.complementWords.contains(text)
                && !Self.orientationWords.contains(text) && !Self.abbreviations.contains(text)
        }
        return place ? words.words[plate].range.upperBound : end
    }

    /// Words after a street's number that belong to the address ("Sur", "Norte", "bis").
    static let orientationWords: Set<String> = ["sur", "norte", "oeste", "este", "oriente", "occidente", "bis"]

    /// Units inside a place that an address may add after a comma.
    static let complementWords: Set<String> = [
        "apto", "apt", "ap", "apartamento", "torre", "bloque", "blq", "bl", "interior", "int", "casa", "local", "loc",
        "oficina", "of", "ofc", "bodega", "bod", "lote", "manzana", "mz", "finca", "hacienda", "parcela", "edificio",
        "edif", "conjunto", "piso", "consultorio", "campamento", "galpon", "granja", "sede", "nave", "condominio",
        "laboratorio", "salon", "aula", "modulo", "puesto", "zona",
    ]

    /// The index of the first word starting after character `offset`, when only spaces lie
    /// between them.
    private func wordStarting(after offset: Int) -> Int? {
        let index = firstWord { $0.range.lowerBound > offset }
        guard index < words.count else { return nil }
        let gap = characters[(offset + 1)..<words.words[index].range.lowerBound]
        return gap.allSatisfy({ $0 == " " }) ? index : nil
    }

    /// The index of the word that ends right before character `offset`.
    private func wordEnding(at offset: Int) -> Int? {
        let index = firstWord { $0.range.upperBound >= offset }
        return index < words.count && words.words[index].range.upperBound == offset ? index : nil
    }

    /// The first word (by binary search, words being in order) for which `isAfter` holds;
    /// `words.count` when none does.
    private func firstWord(_ isAfter: (Words.Word) -> Bool) -> Int {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(words.words[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    func endsAddress(_ index: Int) -> Bool {
        if isSlashedNeighborhood(index) { return true }
        // "cll 3 # 6-18 al ladito de la droguería": a landmark after the number is the note's.
        if CheckoutFieldExtractor.opensLandmark(words, at: index) { return true }
        for slot in CheckoutSlot.allCases where slot != .address && slot != .notes {
            if slot.labelWords.contains(where: { phrase($0, at: index) }) { return true }
        }
        return false
    }

    /// Numbers. A word of digits (dots or commas inside: "1.107.654.321") is a number. Digit
    /// groups written apart (spaces, dashes, dots or parentheses between them) are one number
    /// only when the groups have the shape of one: a phone ("315 678 9012", "315 6789012",
    /// "(602) 626 2679", "+57 318 284 2304": groups of 2–7 digits), a landline ("204 1587",
    /// "204 15 87": groups of 2–4, seven digits) or a cédula in thousands ("1 020 345 678",
    /// "16 789 432": a first group of 1–3 digits, then groups of three, 7–10 digits). Phones
    /// are found first and every group joins at most one number, so stray digits around one
    /// ("1 1 315 678 9012 1") stay numbers of their own (quantities, house numbers). A window
    /// holds at most a phone's 12 digits, so the scan is linear.
    private mutating func scanNumbers() {
        var index = 0
        while index < words.count, entities.count < Self.maxEntities {
            // "barrio 7 de Agosto", "el 20 de julio": a day of a month names a place or a date.
            guard numeric(index),
                !(words[index].count <= 2 && words.at(index + 1) == "de" && Self.months.contains(words.at(index + 2)))
            else {
                index += 1
                continue
            }
            var end = index + 1
            while numeric(end), gapIsJoin(end - 1, end) { end += 1 }
            // Each number takes at most 12 groups: later ones could not be kept anyway.
            scanGroups(Array(index..<min(end, index + (Self.maxEntities - entities.count) * 12)))
            index = end
        }
    }

    static let months: Set<String> = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
        "octubre", "noviembre", "diciembre",
    ]

    /// One run of digit groups written apart: phones first, then the other shapes, then
    /// every group left on its own, in order.
    private mutating func scanGroups(_ run: [Int]) {
        let groups = run.map { words[$0].filter(\.isNumber) }
        let sizes = groups.map(\.count)
        var numberAt = [Int?](repeating: nil, count: run.count)  // the end of the number starting here
        var taken = [Bool](repeating: false, count: run.count)
        func take(_ shape: (Range<Int>) -> Bool) {
            var start = 0
            while start < run.count {
                var longest: Int?
                var digits = 0
                var end = start
                while end < run.count, !taken[end], digits + sizes[end] <= 12 {
                    digits += sizes[end]
                    end += 1
                    if end - start >= 2, shape(start..<end) { longest = end }
                }
                if let longest {
                    numberAt[start] = longest
                    for group in start..<longest { taken[group] = true }
                    start = longest
                } else {
                    start += 1
                }
            }
        }
        take { Self.isPhoneGrouping(Array(groups[$0])) }
        take { Self.isLandlineGrouping(Array(groups[$0])) || Self.isThousandsGrouping(run[$0].map { words[$0] }) }
        take { isIdNumberLine(run[$0], groups[$0]) }
        var group = 0
        while group < run.count {
            let end = numberAt[group] ?? group + 1
            add(number: groups[group..<end].joined(), from: run[group], to: run[end - 1])
            group = end
        }
    }

    /// "1096 20 8537" alone on its line, in a block of data: a cédula written in groups of 2–4
    /// digits, 7–10 in all (a phone's shape was taken first), with nothing else on the line.
    private func isIdNumberLine(_ run: ArraySlice<Int>, _ groups: ArraySlice<String>) -> Bool {
        guard groups.allSatisfy({ (2...4).contains($0.count) }),
            (7...10).contains(groups.reduce(0) { $0 + $1.count }), let first = run.first, let last = run.last
        else { return false }
        return endsLine(from: words.words[first].range.lowerBound, step: -1)
            && endsLine(from: words.words[last].range.upperBound, step: 1)
    }

    /// Whether only blanks (at most `maxLineMargin`) lie between `index` and the line's end in
    /// the direction of `step` (−1 towards its start, before `index`; 1 towards its end, from
    /// `index` on).
    private func endsLine(from index: Int, step: Int) -> Bool {
        var at = step < 0 ? index - 1 : index
        for _ in 0...Self.maxLineMargin {
            guard characters.indices.contains(at) else { return true }
            if characters[at].isNewline { return true }
            guard characters[at].isWhitespace else { return false }
            at += step
        }
        return false
    }

    /// Blanks around a number on its own line.
    static let maxLineMargin = 8

    /// "315 678 9012", "315 6789012", "57 318 284 2304", "(602) 626 2679": groups of 2–7
    /// digits making a phone (a lone digit is never part of one).
    static func isPhoneGrouping(_ groups: [String]) -> Bool {
        groups.allSatisfy { (2...7).contains($0.count) } && isPhoneShaped(groups.joined())
            || groups.count == 2 && groups[0] == "57" && isPhoneShaped(groups[1])
    }

    /// "204 1587", "204 15 87": seven digits in groups of 2–4.
    static func isLandlineGrouping(_ groups: [String]) -> Bool {
        groups.allSatisfy { (2...4).contains($0.count) } && groups.reduce(0) { $0 + $1.count } == 7
    }

    /// "1 020 345 678", "16 789 432", "1.020 345 678", "1036 645 902": 1–4 digits, then
    /// groups of three, 7–10 digits in all (the groups inside a word, split at its dots,
    /// count too).
    static func isThousandsGrouping(_ words: [String]) -> Bool {
        let groups = words.flatMap { $0.split(whereSeparator: { $0 == "." || $0 == "," }) }
        guard groups.count >= 2, let first = groups.first, (1...4).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return false }
        return (7...10).contains(first.count + 3 * (groups.count - 1))
    }

    private func numeric(_ i: Int) -> Bool {
        i < words.count && words[i].allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
            && words[i].first?.isNumber == true && !isConsumed(words.words[i].range.lowerBound)
    }

    private func gapIsJoin(_ a: Int, _ b: Int) -> Bool {
        let gap = characters[words.words[a].range.upperBound..<words.words[b].range.lowerBound]
        return !gap.isEmpty && gap.count <= 3 && gap.allSatisfy { " -.()".contains($0) }
    }

    private mutating func add(number digits: String, from first: Int, to last: Int) {
        var start = words.words[first].range.lowerBound
        while start > 0, "+(".contains(characters[start - 1]) { start -= 1 }
        add(
            Entity(
                kind: .number(digits: digits, phoneLike: Self.isPhoneShaped(digits)),
                range: start..<words.words[last].range.upperBound))
    }

    /// 10 digits starting with 3 (mobile) or 60 (landline), optionally after 57.
    static func isPhoneShaped(_ digits: String) -> Bool {
        var digits = Substring(digits)
        if digits.count == 12, digits.hasPrefix("57") { digits = digits.dropFirst(2) }
        return digits.count == 10 && (digits.hasPrefix("3") || digits.hasPrefix("60"))
    }

    /// "b/" (or "br/"), the neighbourhood's label in shorthand.
    func isSlashedNeighborhood(_ index: Int) -> Bool {
        guard index < words.count, ["b", "br", "bo"].contains(words[index]) else { return false }
        let end = words.words[index].range.upperBound
        return end < characters.count && characters[end] == "/"
    }

    /// "Datos de contacto para la entrega:", "Información para el envío:": a label's words
    /// closing a heading of the order's paperwork (a paper word before them in their piece)
    /// head the block; they label none of its lines. Looks back over the label's piece, at
    /// most `maxHeadingWords` words.
    func endsHeading(at index: Int, length: Int) -> Bool {
        let end = words.words[index + length - 1].range.upperBound
        var after = end
        while after < characters.count, characters[after] == " " { after += 1 }
        guard after < characters.count, characters[after] == ":" else { return false }
        var previous = index - 1
        while previous >= 0, index - previous <= Self.maxHeadingWords {
            let gap = characters[words.words[previous].range.upperBound..<words.words[previous + 1].range.lowerBound]
            if gap.contains(where: { "\n:;|,.".contains($0) }) { return false }
            if CheckoutFieldExtractor.paperWords.contains(words[previous]) { return true }
            previous -= 1
        }
        return false
    }

    /// "enviar por lancha a nombre de la enfermera jefe", "soy la encargada": a name's label
    /// followed by a lowercase article describes someone; it labels no name.
    func describesSomeone(_ slot: CheckoutSlot, after next: Int) -> Bool {
        guard slot == .name, next < words.count, Self.describingArticles.contains(words[next]) else { return false }
        return characters[words.words[next].range.lowerBound].isLowercase
    }

    static let describingArticles: Set<String> = ["el", "la", "los", "las", "un", "una"]

    private mutating func scanLabels() {
        var index = 0
        while index < words.count, labels.count < Self.maxLabels {
            if isConsumed(words.words[index].range.lowerBound) {
                index += 1
                continue
            }
            if isSlashedNeighborhood(index) {
                // "b/ Alfonso López": the label keeps its slash, the value follows.
                let range = words.words[index].range
                labels.append(
                    Label(slot: .neighborhood, range: range.lowerBound..<range.upperBound + 1, nextWord: index + 1))
                index += 1
                continue
            }
            var best: (CheckoutSlot, Int)?
            for slot in CheckoutSlot.allCases {
                for parts in slot.labelWords where phrase(parts, at: index) {
                    if parts.count > (best?.1 ?? 0) { best = (slot, parts.count) }
                }
            }
            if let (slot, length) = best, describesSomeone(slot, after: index + length) {
                // Its words label nothing, nor does a shorter label inside them ("nombre").
                index += length
            } else if let (slot, length) = best, !endsHeading(at: index, length: length) {
                let range = words.words[index].range.lowerBound..<words.words[index + length - 1].range.upperBound
                labels.append(Label(slot: slot, range: range, nextWord: index + length))
                index += length
            } else {
                index += 1
            }
        }
    }
}
