import SpanishText
import Support

/// Reads checkout data out of a message (Rasa's slot extraction): labelled values ("cc
/// 16.789.432", "barrio Alameda", "me llamo Ana Gómez"), values recognized by their shape
/// (an e-mail, a street address, a phone, a cédula), a name or delivery notes among them,
/// and, for the slot the agent just asked for, the plain answer ("San Fernando").
/// Values are raw text; `CheckoutForm` validates them.
public enum CheckoutFieldExtractor {
    public struct Extraction: Sendable, Equatable {
        public var values: [CheckoutSlot: String] = [:]
        /// The whole answer, offered for the slot that was asked for; the agent uses it only
        /// when the message is nothing else (not a question, not a product).
        public var freeText: String?
        /// The message without the data taken from it (for reading products and intents).
        public var remainder: String = ""
    }

    static let noteOpeners: Set<String> = [
        "entregar", "entregue", "entreguen", "dejar", "dejarlo", "dejelo", "dejen", "llamar", "llamen", "llame",
        "timbrar", "timbre", "preguntar", "pregunten", "pregunte", "apto", "apartamento", "torre", "oficina", "piso",
        "casa", "interior", "bodega", "local", "porteria", "recepcion", "descargar", "entrada", "conjunto",
        "edificio", "frente", "detras", "cerca", "horario", "recibe", "recibir", "enviar", "subir", "avisar",
    ]

    public static func extract(_ text: String, requested: CheckoutSlot?) -> Extraction {
        let scan = FieldScanner(text)
        var values: [CheckoutSlot: String] = [:]
        var used: [Range<Int>] = []
        var assigned: Set<Int> = []  // entity indices

        // Entities are sorted by start and each label's region ends where the next label
        // starts, so the regions' entities are found by a binary search and a short walk:
        // linear in the message however many labels it repeats.
        let entityStarts = scan.entities.map(\.range.lowerBound)
        for (position, label) in scan.labels.enumerated() {
            let regionEnd =
                position + 1 < scan.labels.count ? scan.labels[position + 1].range.lowerBound : scan.characters.count
            let firstAfter = entityStarts.sortedFirstIndex(atLeast: label.range.upperBound)
            var entityIndex: Int?
            var candidate = firstAfter
            while entityIndex == nil, candidate < entityStarts.count, entityStarts[candidate] < regionEnd {
                if !assigned.contains(candidate) {
                    switch (label.slot, scan.entities[candidate].kind) {
                    case (.idNumber, .number), (.phone, .number), (.email, .email), (.address, .address):
                        entityIndex = candidate
                    default: break
                    }
                }
                candidate += 1
            }
            if let entityIndex {
                let entity = scan.entities[entityIndex]
                assigned.insert(entityIndex)
                values[label.slot] = values[label.slot] ?? scan.text(entity.range)
                used += [label.range, label.range.upperBound..<entity.range.upperBound]
                continue
            }
            var valueStart = label.range.upperBound
            while valueStart < regionEnd, scan.characters[valueStart].isWhitespace || scan.characters[valueStart] == ":"
            {
                valueStart += 1
            }
            var end = min(regionEnd, scan.nextSeparator(after: valueStart))
            if firstAfter < entityStarts.count { end = min(end, entityStarts[firstAfter]) }
            let value = cleanValue(scan.text(label.range.upperBound..<end))
            guard !value.isEmpty, values[label.slot] == nil else {
                used.append(label.range)
                continue
            }
            if label.slot == .name, !looksLikeName(value) { continue }
            if [.idNumber, .phone].contains(label.slot), !value.contains(where: \.isNumber) { continue }
            values[label.slot] = value
            used += [label.range, label.range.upperBound..<end]
        }

        for (index, entity) in scan.entities.enumerated() where !assigned.contains(index) {
            let slot: CheckoutSlot?
            switch entity.kind {
            case .email: slot = .email
            case .address: slot = .address
            case .number(let digits, let phoneLike):
                if phoneLike {
                    slot = .phone
                } else if (6...10).contains(digits.count) {
                    slot = values[.idNumber] == nil ? .idNumber : .phone
                } else {
                    slot = nil
                }
            }
            guard let slot, values[slot] == nil else { continue }
            values[slot] = scan.text(entity.range)
            used.append(entity.range)
        }

        // What is left, in pieces between separators and the data already taken.
        let hasData = !values.isEmpty
        let firstEntity =
            scan.entities.first { entity in
                if case .number(let digits, _) = entity.kind { return digits.count >= 6 }
                return true
            }?.range.lowerBound ?? Int.max
        var notes: [FieldChunk] = []
        for chunk in leftoverChunks(scan, used: used) {
            let words = Words(chunk.text)
            guard !words.isEmpty, !isOnlyChatter(words) else { continue }
            if values[.name] == nil, hasData || requested == .name, looksLikeName(chunk.text),
                chunk.range.lowerBound < firstEntity || requested == .name
            {
                values[.name] = chunk.text
                used.append(chunk.range)
            } else if hasData, values[.notes] == nil, isNote(words) {
                notes.append(chunk)
            }
        }
        if !notes.isEmpty {
            values[.notes] = notes.map(\.text).joined(separator: ", ")
            used += notes.map(\.range)
        }

        var extraction = Extraction(values: values)
        if let requested, values.isEmpty {
            if requested == .notes {
                extraction.freeText = cleanValue(text)
            } else {
                let leftover = leftoverChunks(scan, used: used).map(\.text).filter { !isOnlyChatter(Words($0)) }
                let joined = leftover.joined(separator: ", ")
                extraction.freeText =
                    joined.isEmpty ? nil : cleanValue(requested == .neighborhood ? stripNeighborhood(joined) : joined)
            }
        }
        extraction.remainder = remove(used, from: scan.characters)
        return extraction
    }

    /// Delivery notes start like "entregar en…", "apto 503…", "es un local…".
    static func isNote(_ words: Words) -> Bool {
        noteOpeners.contains(words.at(0)) || (words.at(0) == "es" && ["un", "una"].contains(words.at(1)))
    }

    struct FieldChunk {
        var text: String
        var range: Range<Int>
    }

    /// Pieces of text not yet used, split at separators and used ranges, trimmed.
    static func leftoverChunks(_ scan: FieldScanner, used: [Range<Int>]) -> [FieldChunk] {
        let separators = Set(scan.separators)
        let isUsed = coverage(of: used, count: scan.characters.count)
        var chunks: [FieldChunk] = []
        var start: Int?
        func close(_ end: Int) {
            guard let begin = start else { return }
            start = nil
            var from = begin
            var to = end
            while from < to, isTrimmed(scan.characters[from]) { from += 1 }
            while to > from, isTrimmed(scan.characters[to - 1]) { to -= 1 }
            if from < to { chunks.append(FieldChunk(text: String(scan.characters[from..<to]), range: from..<to)) }
        }
        for index in scan.characters.indices {
            if separators.contains(index) || isUsed[index] {
                close(index)
            } else if start == nil {
                start = index
            }
        }
        close(scan.characters.count)
        return chunks
    }

    static func isTrimmed(_ c: Character) -> Bool {
        c.isWhitespace || ":.,;-¿?¡!\"'()".contains(c)
    }

    /// Which offsets of `count` characters some range covers: one pass over a difference
    /// array (overlapping ranges cost nothing extra).
    static func coverage(of ranges: [Range<Int>], count: Int) -> [Bool] {
        var depth = [Int](repeating: 0, count: count + 1)
        for range in ranges {
            let lower = min(max(range.lowerBound, 0), count)
            let upper = min(max(range.upperBound, lower), count)
            depth[lower] += 1
            depth[upper] -= 1
        }
        var covered = [Bool](repeating: false, count: count)
        var running = 0
        for index in 0..<count {
            running += depth[index]
            covered[index] = running > 0
        }
        return covered
    }

    static let chatter: Set<String> = [
        "perdon", "disculpa", "disculpe", "claro", "listo", "ok", "bueno", "gracias", "es", "mi",
        "son", "mis", "datos", "aqui", "van", "estan", "seria", "sería", "eh", "ah", "si", "no", "y", "los", "el",
        "la", "de", "pues", "entonces", "ahi", "va", "estos", "esos", "ahora", "perfecto", "dale", "vale",
    ]

    /// Greetings, yes/no, thanks and filler words only.
    static func isOnlyChatter(_ words: Words) -> Bool {
        words.texts.allSatisfy { chatter.contains($0) || Lexicon.fillers.contains($0) }
    }

    /// Words that are never part of a name.
    static let nameStopWords: Set<String> = Lexicon.fillers.union(noteOpeners).union(FieldScanner.streetWords)
        .union(["barrio", "cedula", "celular", "correo", "telefono", "direccion", "nombre"])

    /// Two to five words of letters, none of them a shop or data word.
    static func looksLikeName(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard (1...5).contains(parts.count) else { return false }
        let words = Words(text)
        guard words.count == parts.count, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "." } }) else {
            return false
        }
        return !words.texts.contains { nameStopWords.contains($0) }
    }

    /// Words that introduce a value without being part of it ("es", "ahora es", "sería").
    static let valueLeads: Set<String> = ["es", "son", "seria", "sera", "ahora", "nuevo", "nueva", "queda", "mi"]

    static func cleanValue(_ raw: String) -> String {
        var text = Substring(raw)
        while let first = text.first, isTrimmed(first) { text = text.dropFirst() }
        while let last = text.last, isTrimmed(last) { text = text.dropLast() }
        while let space = text.firstIndex(of: " "), valueLeads.contains(TextFold.fold(String(text[..<space]))) {
            text = text[text.index(after: space)...]
        }
        return String(text).trimmingWhitespace()
    }

    static func stripNeighborhood(_ text: String) -> String {
        let words = Words(text)
        for lead in ["el barrio es", "mi barrio es", "en el barrio", "barrio", "es el", "es"] {
            if words.index(ofPhrase: lead) == 0 {
                let count = lead.split(separator: " ").count
                return words.originalText(count..<words.count)
            }
        }
        return text
    }

    static func remove(_ used: [Range<Int>], from characters: [Character]) -> String {
        let isUsed = coverage(of: used, count: characters.count)
        var result = ""
        for (index, character) in characters.enumerated() {
            result.append(isUsed[index] ? " " : character)
        }
        return result
    }
}
