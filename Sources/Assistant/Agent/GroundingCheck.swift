import Shop
import SpanishText
import Synchronization

/// Refuses a model-written reply that says more than the facts: an amount of pesos that is
/// not a price, subtotal or total of the facts, a catalog product the facts do not mention,
/// or an order reply without the order's number and total.
public struct GroundingCheck: Sendable {
    /// Names of every catalog product (a reply naming one must have it among the facts).
    public var catalogNames: [String]
    /// Each name folded and as words, made once per catalog (not per reply).
    private let phrases: [CatalogPhrase]

    /// A catalog name as the check compares it.
    struct CatalogPhrase: Sendable {
        var name: String
        var folded: String
        /// The name's words, folded; empty for a name with no word.
        var parts: [String]
    }

    public init(catalogNames: [String]) {
        self.catalogNames = catalogNames
        self.phrases = Self.lastPhrases.withLock { last in
            if let last, last.names == catalogNames { return last.phrases }
            let made = catalogNames.map { name in
                CatalogPhrase(name: name, folded: TextFold.fold(name), parts: Words(name).texts)
            }
            last = (catalogNames, made)
            return made
        }
    }

    /// The phrases of the last catalog seen: replies of one process check against the same
    /// catalog until it changes.
    private static let lastPhrases = Mutex<(names: [String], phrases: [CatalogPhrase])?>(nil)

    public enum Verdict: Sendable, Equatable {
        case grounded
        case refused(String)
    }

    public func check(_ reply: String, facts: ReplyFacts) -> Verdict {
        let text = reply.trimmingWhitespace()
        guard !text.isEmpty else { return .refused("respuesta vacía") }
        guard text.count <= 4000 else { return .refused("respuesta demasiado larga") }
        let allowed = facts.amounts
        for amount in Self.amounts(in: text) where !allowed.contains(amount) {
            return .refused("menciona \(Money.format(amount)), que no está en los hechos")
        }
        let words = Words(text)
        let present = Set(words.texts)
        let mentioned = Set(facts.productNames.map(TextFold.fold))
        // Only names whose every word is in the reply can stand in it: a set lookup per word
        // before the phrase is looked for.
        for phrase in phrases
        where !phrase.parts.isEmpty && phrase.parts.allSatisfy(present.contains) && !mentioned.contains(phrase.folded) {
            if words.contains(phrase: phrase.parts.joined(separator: " ")) {
                return .refused("nombra el producto «\(phrase.name)», que no está en los hechos")
            }
        }
        for required in facts.mustMention where !text.contains(required) {
            return .refused("omite «\(required)»")
        }
        return .grounded
    }

    /// Amounts of pesos written in a text: "$45.000", "$ 45000", "45.000 pesos", "45 mil pesos".
    static func amounts(in text: String) -> [Int] {
        let words = Words(text)
        var found: [Int] = []
        for (index, word) in words.texts.enumerated() {
            let previous = words.at(index - 1)
            let next = words.at(index + 1)
            guard let value = Self.number(word) else { continue }
            if previous == "$" {
                found.append(next == "mil" ? value * 1000 : value)
            } else if next == "pesos" || next == "cop" {
                found.append(value)
            } else if next == "mil", ["pesos", "cop"].contains(words.at(index + 2)) {
                found.append(value * 1000)
            } else if word.contains("."), value >= 1000 {
                // "45.000" written as a price without the sign.
                found.append(value)
            }
        }
        return found
    }

    /// "45.000" or "45000" → 45000; anything else nil.
    static func number(_ word: String) -> Int? {
        guard word.first?.isNumber == true else { return nil }
        if word.allSatisfy(\.isNumber) { return Int(word) }
        let groups = word.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Int(groups.joined())
    }
}
