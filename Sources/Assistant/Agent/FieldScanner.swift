import SpanishText
import Support

/// Finds the pieces of contact data in a message by their shape, before anything is
/// assigned to a slot: e-mail addresses, street addresses ("Calle 5 # 38-21", "Av
/// Pasoancho # 70-15"), numbers that may be a cédula or a phone ("1.107.654.321",
/// "315 678 9012", "+57 318 284 2304"), labels ("cc", "cel", "barrio") and separators.
/// Positions are character offsets in the original message.
///
/// Every scan is linear in the message: each word is looked at a bounded number of times
/// (`wordVisits` counts them, so a test can hold the scanner to it), whatever the message.
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

    let characters: [Character]
    let words: Words
    private(set) var entities: [Entity] = []
    private(set) var labels: [Label] = []
    /// Offsets of characters that end a piece of data: , ; / | : newline, and ". ".
    private(set) var separators: [Int] = []
    /// Characters inside an entity found so far (`isConsumed` in constant time).
    private var consumed: [Bool]
    /// Start offsets of the e-mails, ascending.
    private var emailStarts: [Int] = []
    /// Words looked at by the scans that walk runs of words (numbers, labels, addresses).
    private(set) var wordVisits = 0

    static let streetWords: Set<String> = [
        "calle", "cll", "cl", "clle", "carrera", "cra", "kra", "kr", "cr", "carr", "cra.", "av", "avenida", "avda",
        "diagonal", "diag", "dg", "transversal", "transv", "tv", "tr", "trans", "autopista", "circular", "circ",
        "manzana", "mz", "mza", "vereda", "km", "kilometro",
    ]

    /// The label phrases of every slot, split into words once.
    static let labelPhrases: [(slot: CheckoutSlot, words: [String])] = CheckoutSlot.allCases.flatMap { slot in
        slot.labels.map { (slot, $0.split(separator: " ").map(String.init)) }
    }

    init(_ text: String) {
        characters = Array(text)
        consumed = Array(repeating: false, count: characters.count)
        words = Words(text)
        scanSeparators()
        scanEmails()
        scanAddresses()
        scanNumbers()
        scanLabels()
        entities.sort { $0.range.lowerBound < $1.range.lowerBound }
        labels.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    func isConsumed(_ offset: Int) -> Bool {
        consumed.indices.contains(offset) && consumed[offset]
    }

    private mutating func append(_ entity: Entity) {
        entities.append(entity)
        let range = max(0, entity.range.lowerBound)..<min(consumed.count, entity.range.upperBound)
        for offset in range { consumed[offset] = true }
    }

    func text(_ range: Range<Int>) -> String {
        let clamped = max(0, range.lowerBound)..<min(characters.count, range.upperBound)
        guard !clamped.isEmpty else { return "" }
        return String(characters[clamped])
    }

    /// The first separator at or after `offset`, or the end of the message.
    func nextSeparator(after offset: Int) -> Int {
        let index = separators.sortedFirstIndex(atLeast: offset)
        return index < separators.count ? separators[index] : characters.count
    }

    private mutating func scanSeparators() {
        for (index, character) in characters.enumerated() {
            if ",;/|:\n".contains(character) {
                separators.append(index)
            } else if character == ".", index + 1 < characters.count, characters[index + 1].isWhitespace {
                separators.append(index)
            } else if character == "-", index > 0, index + 1 < characters.count, characters[index - 1] == " ",
                characters[index + 1] == " "
            {
                separators.append(index)
            }
        }
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
            append(Entity(kind: .email, range: start..<end))
            emailStarts.append(start)
        }
    }

    private static func isEmailCharacter(_ c: Character) -> Bool {
        (c.isLetter || c.isNumber) && c.isASCII || "._%+-".contains(c)
    }

    /// A street word followed, within three words, by a number or "#"; the address runs
    /// to the next separator, label word or e-mail.
    private mutating func scanAddresses() {
        var index = 0
        while index < words.count {
            wordVisits += 1
            let word = words.words[index]
            let lookahead = index + 1..<min(index + 4, words.count)
            guard Self.streetWords.contains(word.text), !isConsumed(word.range.lowerBound),
                let numberAt = lookahead.first(where: { words[$0].first?.isNumber == true })
            else {
                index += 1
                continue
            }
            // Only letters (a street name) may come between the street word and its number.
            let between = (index + 1..<numberAt).allSatisfy { words[$0].allSatisfy(\.isLetter) }
            guard between else {
                index += 1
                continue
            }
            var end = nextSeparator(after: word.range.upperBound)
            let email = emailStarts.sortedFirstIndex(atLeast: word.range.lowerBound + 1)
            if email < emailStarts.count { end = min(end, emailStarts[email]) }
            // Stop before a label word that follows the address ("… barrio Alameda", "… cel 300…").
            var cursor = numberAt + 1
            while cursor < words.count, words.words[cursor].range.lowerBound < end {
                wordVisits += 1
                if Self.endsAddress(words, cursor) {
                    end = words.words[cursor].range.lowerBound
                    break
                }
                cursor += 1
            }
            var last = end
            while last > word.range.lowerBound, characters[last - 1].isWhitespace { last -= 1 }
            append(Entity(kind: .address, range: word.range.lowerBound..<last))
            while index < words.count, words.words[index].range.lowerBound < end { index += 1 }
        }
    }

    static func endsAddress(_ words: Words, _ index: Int) -> Bool {
        // "barrio" ends the address; "cel"/"cc" too.
        labelPhrases.contains { $0.slot != .address && $0.slot != .notes && words.hasPhrase($0.words, at: index) }
    }

    /// Runs of digit words joined by spaces, dots or dashes; a run that reads as a phone
    /// ("315 678 9012") is one number, otherwise each word is its own.
    ///
    /// A phone has at most 12 digits, so only the words of a run up to its 12th digit can
    /// make one: the run is read that far and no further (each word is read by at most 13
    /// starts), never to its end from every word.
    private mutating func scanNumbers() {
        var index = 0
        while index < words.count {
            wordVisits += 1
            guard numeric(index) else {
                index += 1
                continue
            }
            var digits = [words[index].filter(\.isNumber)]
            var total = digits[0].count
            while total <= Self.maxPhoneDigits, numeric(index + digits.count),
                gapIsJoin(index + digits.count - 1, index + digits.count)
            {
                wordVisits += 1
                digits.append(words[index + digits.count].filter(\.isNumber))
                total += digits[digits.count - 1].count
            }
            var taken = 1
            // The longest prefix of the run that is a phone; else the first word alone.
            for length in stride(from: digits.count, through: 2, by: -1) {
                let joined = digits.prefix(length).joined()
                if Self.isPhoneShaped(joined) {
                    taken = length
                    break
                }
            }
            add(number: digits.prefix(taken).joined(), from: index, to: index + taken - 1)
            index += taken
        }
    }

    /// "57" and a 10-digit number.
    static let maxPhoneDigits = 12

    private func numeric(_ i: Int) -> Bool {
        i < words.count && words[i].allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
            && words[i].first?.isNumber == true && !isConsumed(words.words[i].range.lowerBound)
    }

    private func gapIsJoin(_ a: Int, _ b: Int) -> Bool {
        let gap = characters[words.words[a].range.upperBound..<words.words[b].range.lowerBound]
        return !gap.isEmpty && gap.count <= 2 && gap.allSatisfy { $0 == " " || $0 == "-" || $0 == "." }
    }

    private mutating func add(number digits: String, from first: Int, to last: Int) {
        var start = words.words[first].range.lowerBound
        if start > 0, characters[start - 1] == "+" { start -= 1 }
        append(
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

    private mutating func scanLabels() {
        var index = 0
        while index < words.count {
            wordVisits += 1
            if isConsumed(words.words[index].range.lowerBound) {
                index += 1
                continue
            }
            var best: (CheckoutSlot, Int)?
            for (slot, phrase) in Self.labelPhrases where words.hasPhrase(phrase, at: index) {
                if phrase.count > (best?.1 ?? 0) { best = (slot, phrase.count) }
            }
            if let (slot, length) = best {
                let range = words.words[index].range.lowerBound..<words.words[index + length - 1].range.upperBound
                labels.append(Label(slot: slot, range: range, nextWord: index + length))
                index += length
            } else {
                index += 1
            }
        }
    }
}
