import Foundation

/// Splits a reply into Telegram messages. `sendMessage` takes at most 4096 characters and
/// the unit it counts in is not documented, so pieces are measured in UTF-16 code units
/// (never fewer than characters) against a margin of 4000. Cuts fall at a paragraph break,
/// else a line break, else the end of a sentence, else a space, and only as a last resort
/// inside a word (never inside a character).
public enum TelegramText {
    public static let maxLength = 4000

    public static func split(_ text: String, limit: Int = maxLength) -> [String] {
        precondition(limit >= 16, "limit too small")
        var pieces: [String] = []
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        while !rest.isEmpty {
            if rest.utf16.count <= limit {
                pieces.append(String(rest))
                break
            }
            let window = fittingPrefix(of: rest, limit: limit)
            let cut = bestCut(in: window)
            let piece = rest[..<cut].trimmingCharacters(in: .whitespacesAndNewlines)
            if !piece.isEmpty { pieces.append(piece) }
            rest = rest[cut...].drop(while: { $0.isWhitespace || $0.isNewline })
        }
        return pieces
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units.
    static func fittingPrefix(of text: Substring, limit: Int) -> Substring {
        var units = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf16.count
            if units + size > limit { break }
            units += size
            end = text.index(after: index)
        }
        return text[..<end]
    }

    /// Where to end the piece inside `window` (an index of the full text): after the last
    /// good boundary in the window's second half, or the window's end.
    static func bestCut(in window: Substring) -> Substring.Index {
        let half = window.index(window.startIndex, offsetBy: window.count / 2)
        let tail = window[half...]
        if let range = tail.range(of: "\n\n", options: .backwards) { return range.upperBound }
        if let index = tail.lastIndex(of: "\n") { return window.index(after: index) }
        var index = tail.endIndex
        while index > tail.startIndex {
            let before = tail.index(before: index)
            if tail[before].isWhitespace, before > tail.startIndex,
                ".!?…:;".contains(tail[tail.index(before: before)])
            {
                return index
            }
            index = before
        }
        if let space = tail.lastIndex(where: \.isWhitespace) { return window.index(after: space) }
        return window.endIndex
    }
}
