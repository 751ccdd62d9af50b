/// Cleans Tesseract's output for a chat message: one line per printed line, spaces
/// collapsed, border and noise lines ("|||", "~ _", lone letters) dropped, at most
/// `ImageReading.maxCharacters` characters (cut at a line end).
public enum OCRText {
    /// Characters that frame or underline text and say nothing themselves.
    private static let frame: Set<Character> = ["|", "_", "~", "`", "«", "»", "‘", "’", "“", "”", "¦", "—", "="]

    public static func clean(_ raw: String, maxCharacters: Int = ImageReading.maxCharacters) -> String {
        var kept: [String] = []
        var length = 0
        for rawLine in raw.split(whereSeparator: { $0.isNewline || $0 == "\u{0C}" }) {
            let line = tidy(rawLine)
            guard isMeaningful(line) else { continue }
            if length + line.count + 1 > maxCharacters { break }
            kept.append(line)
            length += line.count + 1
        }
        return kept.joined(separator: "\n")
    }

    /// Single spaces, no frame characters at either end.
    static func tidy(_ line: Substring) -> String {
        let words = line.split(whereSeparator: \.isWhitespace)
        var text = words.joined(separator: " ")
        while let first = text.first, frame.contains(first) || first == " " { text.removeFirst() }
        while let last = text.last, frame.contains(last) || last == " " { text.removeLast() }
        return text
    }

    /// At least two letters or digits, and mostly letters and digits (not "~|_ ,." noise).
    static func isMeaningful(_ line: String) -> Bool {
        let visible = line.filter { !$0.isWhitespace }
        let alphanumeric = visible.filter { $0.isLetter || $0.isNumber }.count
        return alphanumeric >= 2 && Double(alphanumeric) >= Double(visible.count) * 0.5
    }
}
