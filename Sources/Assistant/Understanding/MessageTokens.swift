import SpanishText

/// A message as the intent classifier sees it: folded words, with what varies from one
/// customer to the next replaced by a mark, so the example "quiero 3 cascos" stands for
/// "quiero 7 guantes de vaqueta": numbers (digits or number words) become `#n`, e-mail
/// addresses `#correo`, catalog words `#p`, and in the example bank a product written in
/// braces ("quiero 3 {cascos}") `#p` as well. A question mark adds `#pregunta`. One pass over
/// the characters (linear time).
public struct MessageTokens: Sendable, Equatable {
    public static let number = "#n"
    public static let email = "#correo"
    public static let product = "#p"
    public static let question = "#pregunta"

    public private(set) var tokens: [String] = []

    /// Number words customers write for quantities ("dos", "quince", "docena"); articles
    /// ("un", "una") stay words.
    static let numberWords: Set<String> = [
        "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece",
        "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
        "veintidos", "veintitres", "veinticuatro", "veinticinco", "treinta", "cuarenta", "cincuenta", "sesenta",
        "setenta", "ochenta", "noventa", "cien", "ciento", "docena", "docenas",
    ]

    /// `catalog`: folded catalog words to mask (`catalogWords`).
    public init(_ text: String, catalog: Set<String> = []) {
        let characters = Array(TextFold.fold(String(text.prefix(Understanding.maxMessageCharacters))))
        var asked = false
        var chunkStart = 0
        var index = 0
        while index <= characters.count {
            if index < characters.count, characters[index] == "{" {
                // "{guantes de vaqueta}": one product mark for the whole phrase.
                if chunkStart < index { read(characters[chunkStart..<index], catalog: catalog, asked: &asked) }
                var close = index + 1
                while close < characters.count, characters[close] != "}" { close += 1 }
                tokens.append(Self.product)
                index = close + 1
                chunkStart = index
                continue
            }
            if index == characters.count || characters[index].isWhitespace {
                if chunkStart < index {
                    read(characters[chunkStart..<index], catalog: catalog, asked: &asked)
                }
                chunkStart = index + 1
            }
            index += 1
        }
        // "una linterna": an article before a product counts one.
        for index in tokens.indices.dropLast()
        where tokens[index + 1] == Self.product && ["un", "una"].contains(tokens[index]) {
            tokens[index] = Self.number
        }
        // "quíteme una", "réstele uno": after a command with its pronoun, a last "una"/"uno"
        // counts one; so it does after the product ("la careta, una").
        if tokens.count >= 2, ["una", "uno"].contains(tokens[tokens.count - 1]),
            IntentClassifier.isCliticCommand(tokens[tokens.count - 2]) || tokens[tokens.count - 2] == Self.product
        {
            tokens[tokens.count - 1] = Self.number
        }
        // "quítele un par", "un par de guantes": a counted phrase is a number like "3".
        var counted: [String] = []
        var position = 0
        while position < tokens.count {
            if ["un", "una"].contains(tokens[position]), position + 1 < tokens.count, tokens[position + 1] == "par" {
                counted.append(Self.number)
                position += 2
                continue
            }
            counted.append(tokens[position])
            position += 1
        }
        tokens = counted
        if asked { tokens.append(Self.question) }
    }

    /// One whitespace-separated chunk: an e-mail as a whole, otherwise its words.
    private mutating func read(_ chunk: ArraySlice<Character>, catalog: Set<String>, asked: inout Bool) {
        if chunk.contains("@") {
            tokens.append(Self.email)
            return
        }
        var word: [Character] = []
        var previous: Character = " "
        var position = chunk.startIndex
        func close() {
            guard !word.isEmpty else { return }
            tokens.append(Self.mask(String(word), catalog: catalog))
            word.removeAll(keepingCapacity: true)
        }
        while position < chunk.endIndex {
            let character = chunk[position]
            let next = position + 1 < chunk.endIndex ? chunk[position + 1] : " "
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if (character == "." || character == ","), previous.isNumber, next.isNumber {
                word.append(character)
            } else {
                if character == "?" || character == "¿" { asked = true }
                close()
            }
            previous = character
            position += 1
        }
        close()
    }

    /// Chat shorthand read as the word it stands for.
    static let shorthand: [String: String] = [
        "q": "que", "k": "que", "xq": "porque", "pq": "porque", "nd": "nada", "tb": "tambien", "tmb": "tambien",
        "tbn": "tambien", "tambn": "tambien", "x": "por", "xfa": "favor", "xfavor": "favor", "pf": "favor",
        "porfa": "favor", "porfis": "favor", "plis": "favor", "pls": "favor", "grax": "gracias", "gracis": "gracias",
        "bn": "bien", "toy": "estoy", "pa": "para", "tons": "entonces", "entons": "entonces", "ps": "pues", "d": "de",
        "dnd": "donde", "cmo": "como", "xa": "para", "msj": "mensaje", "sr": "senor", "sra": "senora", "ud": "usted",
        "uds": "ustedes", "dle": "dale", "ok": "ok", "oki": "ok", "okis": "ok", "vl": "vale", "tdo": "todo",
        "tds": "todos", "qe": "que", "kiero": "quiero", "nesesito": "necesito", "nececito": "necesito",
        "fa": "favor", "fvr": "favor", "xfvr": "favor", "nesecito": "necesito", "nesesitamos": "necesitamos",
        "bno": "bueno", "bna": "buena", "bnas": "buenas", "bns": "buenas", "gcs": "gracias", "grs": "gracias",
        "dcuerdo": "acuerdo", "dacuerdo": "acuerdo", "sisas": "si", "ntp": "tranquilo", "hgale": "hagale",
        "porfavor": "favor", "porfabor": "favor", "xfabor": "favor",
    ]

    static func mask(_ raw: String, catalog: Set<String>) -> String {
        if raw.first?.isNumber == true, raw.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) {
            return number
        }
        let word = shorthand[raw] ?? collapsed(raw)
        for form in [raw, word] {
            if numberWords.contains(form) { return number }
            if catalog.contains(form) { return product }
        }
        return word
    }

    /// Letters typed for emphasis counted once: "siii" → "si", "holaaa" → "hola", "hagaale"
    /// → "hagale", "ssi" → "si"; the doubles Spanish writes ("ll", "rr", "cc") stay.
    static func collapsed(_ word: String) -> String {
        var result = ""
        var previous: Character?
        var run = 0
        for character in word {
            run = character == previous ? run + 1 : 1
            previous = character
            if run == 1 || (run == 2 && "lrc".contains(character)) { result.append(character) }
        }
        return result
    }

    /// The folded words of the names that are letters then digits ("N95" → "n95", "CO2").
    public static func catalogCodes(_ names: [String]) -> Set<String> {
        Set(
            names.flatMap { Words($0).texts }.filter { word in
                guard let first = word.first, first.isLetter, let last = word.last, last.isNumber else { return false }
                let letters = word.prefix(while: \.isLetter)
                return letters.count <= 3 && word.dropFirst(letters.count).allSatisfy(\.isNumber)
            })
    }

    /// A catalog code written apart ("tapabocas n 95", "extintor co-2") joined back ("n95",
    /// "co2"), so the product is named and its digits are not read as a quantity. One pass.
    /// The most words a code's number is said in ("noventa y cinco").
    static let maxCodeNumberWords = 4

    /// The Spanish names of letters a voice note spells a code with ("ene" 95, "pe" 100).
    static let spokenLetters: [String: String] = [
        "be": "b", "ce": "c", "efe": "f", "ge": "g", "hache": "h", "jota": "j", "ka": "k", "ele": "l", "eme": "m",
        "ene": "n", "pe": "p", "cu": "q", "erre": "r", "ese": "s", "te": "t", "uve": "v", "equis": "x", "zeta": "z",
    ]

    public static func joiningCodes(_ text: String, codes: Set<String>) -> String {
        guard !codes.isEmpty else { return text }
        let words = Words(text)
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index + 1 < words.count {
            let first = words.words[index]
            let second = words.words[index + 1]
            let gap = characters[first.range.upperBound..<second.range.lowerBound]
            guard first.text.allSatisfy(\.isLetter), (1...2).contains(gap.count),
                gap.allSatisfy({ $0 == " " || $0 == "-" })
            else {
                index += 1
                continue
            }
            // A voice note spells the letter too: "ene noventa y cinco", "pe cien".
            let spelled = spokenLetters[first.text]
            let letters = spelled ?? first.text
            // The code's letters as written: the customer's, or the letter a spelled name says.
            let written = { (characters: [Character]) -> String in
                spelled.map { String(characters[copied..<first.range.lowerBound]) + $0.uppercased() }
                    ?? String(characters[copied..<first.range.upperBound])
            }
            if second.text.allSatisfy(\.isNumber), codes.contains(letters + second.text) {
                result += written(characters)
                copied = second.range.lowerBound
                index += 2
                continue
            }
            // A voice note says the digits in words: "N noventa y cinco" is "N95".
            if let (value, length) = SpanishNumber.read(words, at: index + 1), length <= maxCodeNumberWords,
                !second.text.contains(where: \.isNumber), codes.contains(letters + String(value))
            {
                let last = words.words[index + length]
                result += written(characters) + String(value)
                copied = last.range.upperBound
                index += 1 + length
                continue
            }
            index += 1
        }
        result += String(characters[copied...])
        return result
    }

    /// `catalogWords` of the first word of each name: the kinds of product sold.
    public static func catalogHeads(_ names: [String]) -> Set<String> {
        catalogWords(names.compactMap { WordForms.contentWords($0).first })
    }

    /// The heads that are never a later word of a name: a product only, never a part or a
    /// use of another ("cartucho", "línea"; not "filtro", as in "Respirador doble filtro").
    public static func catalogKindsOnly(_ names: [String]) -> Set<String> {
        catalogHeads(names).subtracting(catalogWords(names.flatMap { WordForms.contentWords($0).dropFirst() }))
    }

    /// The catalog's words and their plural or singular forms, for masking; their
    /// diminutives too ("la señalita del extintor", "unos conitos", "el casquito").
    public static func catalogWords(_ names: [String]) -> Set<String> {
        var words: Set<String> = []
        for name in names {
            for word in WordForms.contentWords(name) where word.count >= 3 && word.allSatisfy(\.isLetter) {
                words.formUnion([word, word + "s", word + "es"])
                if word.hasSuffix("s") { words.insert(String(word.dropLast())) }
                if word.hasSuffix("es") { words.insert(String(word.dropLast(2))) }
                if word.hasSuffix("z") { words.insert(String(word.dropLast()) + "ces") }
                for small in diminutives(of: word.hasSuffix("s") ? String(word.dropLast()) : word) {
                    words.formUnion([small, small + "s"])
                }
            }
        }
        return words
    }

    /// The diminutives of a singular word: the search's endings (`QueryUnderstanding.diminutives`,
    /// which reads them back) put on it — "cono" → "conito", "conico"; "casco" → "casquito";
    /// "guante" → "guantecito"; "señal" → "señalita". Some forms are no Spanish word (they
    /// only widen what the reader counts as a catalog word). At most one per ending.
    static func diminutives(of word: String) -> [String] {
        QueryUnderstanding.diminutives.compactMap { suffix, base in
            guard word.hasSuffix(base), word.count - base.count >= 3 else { return nil }
            return String(word.dropLast(base.count)) + suffix
        }
    }
}
