/// A customer's message as the agent reads it: folded (lower case, no accents, see
/// `TextFold`) and split into words, so every keyword test matches whole words only
/// ("si" never matches inside "sistema").
///
/// A word is a run of letters and digits; a dot or comma between two digits stays inside
/// the word ("1.107.654.321", "2.5"), and "$" is a word of its own (prices).
public struct Words: Sendable, Equatable {
    public struct Word: Sendable, Equatable {
        /// Folded text of the word.
        public var text: String
        /// Offsets of the word in the original message's characters.
        public var range: Range<Int>
        /// A punctuation mark (",;.:!?" or a line break) stands between it and the word before.
        public var afterMark = false
    }

    public let original: String
    public let words: [Word]

    public init(_ text: String) {
        original = text
        // Folded one character at a time, so offsets stay those of the original text.
        let characters = text.map(TextFold.fold(_:))
        var words: [Word] = []
        var start: Int?
        var marked = false
        func close(_ end: Int) {
            if let begin = start {
                words.append(Word(text: String(characters[begin..<end]), range: begin..<end, afterMark: marked))
                marked = false
            }
            start = nil
        }
        for (index, character) in characters.enumerated() {
            if TextFold.isWordCharacter(character) {
                if start == nil { start = index }
            } else if (character == "." || character == ","), start != nil, index + 1 < characters.count,
                TextFold.isDigitLike(characters[index - 1]), TextFold.isDigitLike(characters[index + 1])
            {
                continue
            } else {
                close(index)
                if ",;.:!?\n".contains(character) { marked = true }
                if character == "$" {
                    words.append(Word(text: "$", range: index..<index + 1, afterMark: marked))
                    marked = false
                }
            }
        }
        close(characters.count)
        self.words = words
    }

    public var texts: [String] { words.map(\.text) }
    public var count: Int { words.count }
    public var isEmpty: Bool { words.isEmpty }

    public subscript(_ index: Int) -> String { words[index].text }

    /// The word at `index`, or "" outside the message.
    public func at(_ index: Int) -> String {
        words.indices.contains(index) ? words[index].text : ""
    }

    public func contains(_ word: String) -> Bool {
        words.contains { $0.text == word }
    }

    public func containsAny(_ set: Set<String>) -> Bool {
        words.contains { set.contains($0.text) }
    }

    /// Where `phrase` (folded words separated by spaces) starts, if it occurs as whole words.
    public func index(ofPhrase phrase: String, from start: Int = 0) -> Int? {
        let parts = phrase.split(separator: " ").map(String.init)
        guard !parts.isEmpty, words.count >= parts.count, start <= words.count - parts.count else { return nil }
        for index in start...(words.count - parts.count) {
            if parts.indices.allSatisfy({ words[index + $0].text == parts[$0] }) { return index }
        }
        return nil
    }

    /// Whether the words `parts` (folded) stand at `index`; constant work in the message's length.
    public func hasPhrase(_ parts: [String], at index: Int) -> Bool {
        guard !parts.isEmpty, index >= 0, index + parts.count <= words.count else { return false }
        return parts.indices.allSatisfy { words[index + $0].text == parts[$0] }
    }

    public func contains(phrase: String) -> Bool {
        index(ofPhrase: phrase) != nil
    }

    /// True when any of the phrases occurs as whole words.
    public func containsAny(phrases: [String]) -> Bool {
        phrases.contains { contains(phrase: $0) }
    }

    /// The original text covered by words `range` (with what lies between them).
    public func originalText(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= words.count else { return "" }
        let characters = Array(original)
        let from = words[range.lowerBound].range.lowerBound
        let to = words[range.upperBound - 1].range.upperBound
        guard from < to, to <= characters.count else { return "" }
        return String(characters[from..<to])
    }

    /// Whether the message reads as a question (a question mark, or an opening
    /// interrogative word).
    public var isQuestion: Bool {
        if original.contains("?") || original.contains("¿") { return true }
        return CommonWords.questionOpeners.contains(at(0))
    }
}
