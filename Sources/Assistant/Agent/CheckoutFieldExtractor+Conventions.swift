import SpanishText

// How customers give checkout data beyond the plain fields: a note dictated after "ponga:",
// the courtesy before a note, notes over ";", a rural site over its vereda, a neighbourhood's
// number, a name that extends the one the form holds.
extension CheckoutFieldExtractor {
    /// The note a customer dictates after saying why it changes ("Solo cambie la indicación,
    /// la secretaria está de vacaciones. Ponga: entregar en la recepción", "anoten así: dejar
    /// con el vigilante", "pongan que diga llamar antes"): what follows the last verb of writing
    /// and its colon (or "que diga"); the value itself when there is none. One pass.
    static func dictatedNote(_ value: String) -> String {
        let words = Words(value)
        let characters = Array(value)
        var start: Int?
        for index in words.words.indices {
            let word = words[index]
            var after = words.words[index].range.upperBound
            while after < characters.count, characters[after] == " " { after += 1 }
            let colon = after < characters.count && characters[after] == ":"
            if colon,
                dictationVerbs.contains(withoutClitic(word)) || dictationVerbs.contains(word)
                    || (word == "asi" && index > 0 && dictationVerbs.contains(withoutClitic(words[index - 1])))
            {
                start = after + 1
            } else if word == "diga", index > 0, words[index - 1] == "que", index + 1 < words.count,
                colon || (index > 1 && dictationVerbs.contains(withoutClitic(words[index - 2])))
            {
                // "que diga: …", "pongan que diga …".
                start = colon ? after + 1 : words.words[index + 1].range.lowerBound
            }
        }
        guard let start else { return value }
        let note = trimmed(String(characters[start...]))
        return note.isEmpty ? value : note
    }

    /// Verbs that ask the shop to write a note down ("ponga", "anote", "escríbanle").
    static let dictationVerbs: Set<String> = [
        "ponga", "pongan", "pon", "ponle", "pongale", "coloque", "coloquen", "escriba", "escriban", "anote", "anoten",
        "apunte", "apunten", "agregue", "agreguen",
    ]

    /// A note joined to other data by "y" without the courtesy that opens it ("…, barrio
    /// Zamorano, y por favor entregar en la portería" → "entregar en la portería"): "por
    /// favor", "porfa" or "xfa" go when a note's opener follows; the text itself otherwise (a
    /// sentence of its own, "Por favor dejarlas con…", keeps it).
    static func withoutCourtesy(_ text: String) -> String {
        let words = Words(text)
        var count = 0
        if words.at(0) == "por", words.at(1) == "favor" {
            count = 2
        } else if ["porfa", "xfa", "porfavor"].contains(words.at(0)) {
            count = 1
        }
        guard count > 0, count < words.count,
            isNote(Words(words.originalText(count..<words.count))), !noteLeads.contains(words[count])
        else { return text }
        return words.originalText(count..<words.count)
    }

    /// Whether `entity` is the short number that closes a neighbourhood's name before `end`
    /// ("Poblado 2", "Decepaz 3 etapa"): one or two digits, then nothing but "etapa" or
    /// "sector" in the piece.
    static func closesPlace(_ entity: FieldScanner.Entity, _ scan: FieldScanner, end: Int) -> Bool {
        guard case .number(let digits, _) = entity.kind, digits.count <= 2, entity.range.upperBound <= end else {
            return false
        }
        return Words(scan.text(entity.range.upperBound..<end)).texts.allSatisfy { ["etapa", "sector"].contains($0) }
    }

    /// Whether `entity` is the number that opens a neighbourhood's name right after its label
    /// ("barrio 2500 Lotes", "barrio 20 de Julio", "barrio 7 de Agosto"): at most four digits
    /// at `valueStart`, then a capitalized word, or "de" and one.
    static func opensPlace(_ entity: FieldScanner.Entity, _ scan: FieldScanner, valueStart: Int) -> Bool {
        guard case .number(let digits, _) = entity.kind, digits.count <= 4, entity.range.lowerBound == valueStart
        else { return false }
        var index = entity.range.upperBound
        guard index < scan.characters.count, scan.characters[index] == " " else { return false }
        index += 1
        if index + 3 < scan.characters.count, scan.characters[index] == "d", scan.characters[index + 1] == "e",
            scan.characters[index + 2] == " "
        {
            index += 3
        }
        return index < scan.characters.count && scan.characters[index].isUppercase
    }

    /// Where a labelled note ends when more notes follow it after ";" ("ingreso por la puerta 1;
    /// avisar a la coordinación"): after the last such piece, before `limit`. Each step moves
    /// to the next line's end, so the message is read once.
    static func notesEnd(_ scan: FieldScanner, from end: Int, limit: Int) -> Int {
        var end = end
        while end < limit, scan.characters[end] == ";" {
            let next = lineEnd(scan, from: end + 1, limit: limit)
            guard isNote(Words(scan.text(end + 1..<next))) else { break }
            end = next
        }
        return end
    }

    /// The most words that lead to a rural place after a comma ("eso queda en la vereda").
    static let maxRuralLeadWords = 4

    /// Where a labelled address without a street ends when pieces that place the site follow
    /// it after commas ("Finca La Esperanza, vereda Carrizal", "finca El Roble, km 4"): after
    /// the last piece opening with a rural word, before `limit`; `end` otherwise.
    /// Each step moves to the next separator, so the message is read once.
    static func ruralAddressEnd(_ scan: FieldScanner, from end: Int, limit: Int) -> Int {
        var end = end
        while end < limit, scan.characters[end] == "," {
            var next = end + 1
            // "…, vía a Barragán, en la vereda La Marina": words that lead to the place first.
            var folded = ""
            for _ in 0...maxRuralLeadWords {
                while next < limit, scan.characters[next] == " " { next += 1 }
                var word = ""
                while next < limit, scan.characters[next].isLetter {
                    word.append(scan.characters[next])
                    next += 1
                }
                folded = TextFold.fold(word)
                guard ruralPlaceLeads.contains(folded) else { break }
            }
            guard CheckoutForm.ruralWords.contains(folded) else { break }
            end = min(limit, scan.nextSeparator(after: next))
        }
        return end
    }

    /// The full name in the piece after a comma at `end` when the labelled value is one word
    /// that it extends ("Sandra, Sandra Milena Quintero") or that only stands for a person
    /// ("mi esposa, Luz Marina Cárdenas", "soy yo, Jhon Jairo Mina"): the name and where it
    /// ends; nil otherwise. Reads one piece.
    static func fullNameAfter(_ value: String, _ scan: FieldScanner, from end: Int, limit: Int) -> (String, Int)? {
        let words = Words(value)
        guard words.count == 1, end < limit, scan.characters[end] == "," else { return nil }
        let after = min(limit, scan.nextSeparator(after: end + 1))
        let name = trimmed(scan.text(end + 1..<after))
        guard Words(name).count >= 2, looksLikeName(name),
            extendsName(value, name) || personWords.contains(words[0]) || roleWords.contains(words[0])
        else { return nil }
        return (name, after)
    }

    /// Words that stand for a person instead of their name ("yo", "mi esposa", "la señora").
    static let personWords: Set<String> = [
        "yo", "esposa", "esposo", "hijo", "hija", "mama", "papa", "hermano", "hermana", "senora", "senor", "nieta",
        "nieto", "sobrino", "sobrina", "suegra", "suegro", "cunado", "cunada", "novia", "novio",
    ]

    /// Whether the words only lead into the next value ("queda en el" before "barrio San
    /// Carlos"): no note, however they open.
    static func isLeadIn(_ words: Words) -> Bool {
        words.count <= 4 && words.texts.allSatisfy { leadInWords.contains($0) }
    }

    static let leadInWords: Set<String> = [
        "queda", "es", "esta", "en", "el", "la", "los", "las", "de", "del", "al", "a", "mi", "su", "por",
    ]

    /// A labelled note without the "es" that joins it to its label ("la indicación es que
    /// dejen el paquete con doña Rosa" → "que dejen el paquete…"); "es un local" stays.
    static func withoutCopula(_ note: String) -> String {
        let words = Words(note)
        // "es al lado de la ferretería El Minero": where it is ("queda frente al…" stays).
        guard words.count > 2, ["es", "son", "seria", "sera"].contains(words[0]),
            words[1] == "que" || CheckoutFieldExtractor.opensLandmark(words, at: 1)
        else { return note }
        return words.originalText(1..<words.count)
            + String(note.dropFirst(words.words[words.count - 1].range.upperBound))
    }

    /// Whether `full` names the same person as `short` with more words: the short name's
    /// words, in order, among the full name's ("Fernando Camacho" of "Fernando Camacho Rubio").
    static func extendsName(_ short: String?, _ full: String?) -> Bool {
        guard let short, let full else { return false }
        // "le escribe Don Gilberto", then "Gilberto Antonio Salazar Rengifo": a title before
        // the short name is no word of the full one.
        let part = Array(Words(short).texts.drop(while: CheckoutForm.titles.contains))
        let whole = Words(full).texts
        guard !part.isEmpty, part.count < whole.count else { return false }
        var next = 0
        for word in whole where next < part.count && word == part[next] { next += 1 }
        return next == part.count
    }
}
