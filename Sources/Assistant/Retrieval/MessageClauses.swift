/// A message cut into clauses, for telling what it asks for from what it says around it:
/// at punctuation (",", ";", ".", "?", "!", "¿", "¡", new lines), except between digits
/// ("2.5 galones", "1,5 metros"), and at the words "y" and "e". Linear in the text.
enum MessageClauses {
    static let separators: Set<Character> = [",", ";", ".", "?", "!", "¿", "¡", "\n", "\r"]
    static let conjunctions: Set<String> = ["y", "e"]

    /// The clauses in order, without the separators; blank ones left out.
    static func split(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if separators.contains(character) {
                let betweenDigits = previous?.isNumber == true && next < text.endIndex && text[next].isNumber
                if !betweenDigits {
                    pieces.append(text[start..<index])
                    start = next
                }
            }
            previous = character
            index = next
        }
        pieces.append(text[start...])
        return pieces.flatMap(splitAtConjunctions).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// A piece cut at every standalone "y" / "e".
    static func splitAtConjunctions(_ piece: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = piece.startIndex
        var index = piece.startIndex
        while index < piece.endIndex {
            guard !piece[index].isWhitespace else {
                index = piece.index(after: index)
                continue
            }
            var end = index
            while end < piece.endIndex, !piece[end].isWhitespace { end = piece.index(after: end) }
            if end != index, conjunctions.contains(piece[index..<end].lowercased()) {
                parts.append(piece[start..<index])
                start = end
            }
            index = end
        }
        parts.append(piece[start...])
        return parts
    }
}
