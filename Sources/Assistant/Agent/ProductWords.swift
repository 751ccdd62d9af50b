import SpanishText
import Synchronization

/// The content words of catalog texts (product names and descriptions), kept: every turn's
/// matching reads the same few hundred texts, and tokenizing and folding them again each time
/// was a visible share of a turn's CPU. Bounded: past `capacity` texts (a catalog rewritten
/// many times over) it starts again empty.
enum ProductWords {
    private static let kept = Mutex<[String: [String]]>([:])
    static let capacity = 20_000

    /// `WordForms.contentWords(text)`, from the memo when `text` was seen before.
    static func of(_ text: String) -> [String] {
        if let words = kept.withLock({ $0[text] }) { return words }
        let words = WordForms.contentWords(text)
        kept.withLock { memo in
            if memo.count >= capacity { memo.removeAll(keepingCapacity: true) }
            memo[text] = words
        }
        return words
    }
}
