import Support

/// A part of a simulated message: words the customer may misspell or shorten (template
/// words, product names), or text that must arrive as meant (quantities, personal data,
/// field labels), which only the whole message's lower-casing and dropped accents touch.
enum MessagePiece: Sendable, Equatable {
    case loose(String)
    case exact(String)

    var text: String {
        switch self {
        case .loose(let text), .exact(let text): text
        }
    }
}

/// A message before rendering; `chatter` messages (greetings, requests, closings,
/// confirmations) may get emojis and filler words, data messages do not.
struct MessageDraft: Sendable {
    var pieces: [MessagePiece]
    var chatter: Bool

    init(_ pieces: [MessagePiece], chatter: Bool) {
        self.pieces = pieces
        self.chatter = chatter
    }
}

/// How untidy a customer writes: probabilities per message or per word.
struct NoiseLevel: Sendable {
    /// A shorthand from the bank replaces its word ("porfa", "q", "tb").
    var shorthand: Double
    /// A word of five letters or more gets one typo.
    var typo: Double
    var lowercase: Double
    var dropAccents: Double
    var capitalize: Double
    var emoji: Double
    var filler: Double
}

/// Turns drafts into the text a customer sends, with the noise of `ruido.json`.
struct MessageNoise {
    let bank: Noise
    let level: NoiseLevel

    func render(_ draft: MessageDraft, rng: inout SeededGenerator) -> String {
        var text = draft.pieces.map { piece -> String in
            switch piece {
            case .exact(let text): text
            case .loose(let text): roughen(text, typos: draft.chatter, rng: &rng)
            }
        }.joined()
        if draft.chatter {
            if rng.chance(level.filler) {
                if rng.chance(0.5) {
                    text = rng.pick(bank.openers) + " " + text
                } else {
                    text += (text.last.map { ".,?!".contains($0) } == true ? " " : ", ") + rng.pick(bank.closers)
                }
            }
            if rng.chance(level.emoji) { text += (rng.chance(0.7) ? " " : "") + rng.pick(bank.emojis) }
        }
        if rng.chance(level.dropAccents) { text = Self.withoutAccents(text, keepEñe: rng.chance(0.8)) }
        if rng.chance(level.lowercase) {
            text = text.lowercased()
        } else if rng.chance(level.capitalize), let first = text.first {
            text = first.uppercased() + text.dropFirst()
        }
        return text
    }

    /// Shorthand and typos over the words of a loose piece; people type their own data
    /// more carefully, so data messages get no typos.
    func roughen(_ text: String, typos: Bool, rng: inout SeededGenerator) -> String {
        var text = text
        if level.shorthand > 0 {
            for (long, shorts) in bank.shorthand.sorted(by: {
                $0.key.count > $1.key.count || ($0.key.count == $1.key.count && $0.key < $1.key)
            }) {
                guard let range = Self.wholeWord(long, in: text), rng.chance(level.shorthand) else { continue }
                text.replaceSubrange(range, with: rng.pick(shorts))
            }
        }
        guard typos, level.typo > 0 else { return text }
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter {
                current.append(character)
            } else {
                if !current.isEmpty { words.append(mistype(current, rng: &rng)) }
                current = ""
                words.append(String(character))
            }
        }
        if !current.isEmpty { words.append(mistype(current, rng: &rng)) }
        return words.joined()
    }

    /// A word with one typo: a letter confusion from the bank, two letters swapped, one left
    /// out or one doubled. Short words and acronyms (PQS, ABEK) stay as they are.
    func mistype(_ word: String, rng: inout SeededGenerator) -> String {
        guard word.count >= 5, word.contains(where: \.isLowercase), rng.chance(level.typo) else { return word }
        var letters = Array(word)
        let lower = word.lowercased()
        let swaps = bank.letterSwaps.filter { $0.count == 2 && lower.contains($0[0]) }
        switch rng.below(4) {
        case 0 where !swaps.isEmpty:
            let swap = rng.pick(swaps)
            guard let range = lower.range(of: swap[0]) else { return word }
            let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
            let start = word.index(word.startIndex, offsetBy: offset)
            var changed = word
            changed.replaceSubrange(start..<word.index(start, offsetBy: swap[0].count), with: swap[1])
            return changed
        case 1:
            let index = rng.int(in: 1...(letters.count - 2))
            letters.swapAt(index, index + 1)
        case 2:
            letters.remove(at: rng.int(in: 1...(letters.count - 1)))
        default:
            let index = rng.int(in: 1...(letters.count - 1))
            letters.insert(letters[index], at: index)
        }
        return String(letters)
    }

    static let accentless: [Character: Character] = [
        "á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ü": "u",
        "Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U", "Ü": "U",
    ]

    /// What a phone keyboard without accents gives: no tildes, no opening ¿ ¡, and
    /// sometimes n for ñ.
    static func withoutAccents(_ text: String, keepEñe: Bool) -> String {
        var out = ""
        for character in text where character != "¿" && character != "¡" {
            if let plain = accentless[character] {
                out.append(plain)
            } else if !keepEñe, character == "ñ" {
                out.append("n")
            } else if !keepEñe, character == "Ñ" {
                out.append("N")
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The first occurrence of `phrase` in `text` that is not part of a longer word.
    static func wholeWord(_ phrase: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let range = text.range(of: phrase, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if before?.isLetter != true, after?.isLetter != true { return range }
            searchStart = range.upperBound
        }
        return nil
    }
}
