import SpanishText

/// "Yo necesito uno nada más", "dos no más": right after a count, "nada más" means "only",
/// not "that is all"; the words become "solamente" so the go-ahead is not heard and "nada" is
/// searched for no product. A count's unit between them is the count's ("5 pares no más"); a
/// noun between them ("3 cascos, nada más") keeps the go-ahead.
/// One pass over the words.
enum CountOnly {
    static let onlyWords: Set<String> = ["nada", "no"]

    static func rewrite(_ text: String) -> String {
        let words = Words(text)
        guard words.contains("mas") else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 1
        while index + 1 < words.count {
            // "mándeme 5 pares no más": a count's unit may stand between, with nothing else.
            let unit =
                index >= 2 && Lexicon.countUnits.contains(words[index - 1])
                && characters[words.words[index - 1].range.upperBound..<words.words[index].range.lowerBound]
                    .allSatisfy(\.isWhitespace)
            let before = words[index - (unit ? 2 : 1)]
            let isCount = before.allSatisfy(\.isNumber) || SpanishNumber.read(Words(before), at: 0) != nil
            guard onlyWords.contains(words[index]), words[index + 1] == "mas", isCount,
                words.words[index].range.lowerBound >= copied
            else {
                index += 1
                continue
            }
            result += String(characters[copied..<words.words[index].range.lowerBound]) + "solamente"
            copied = words.words[index + 1].range.upperBound
            index += 2
        }
        result += String(characters[copied...])
        return result
    }
}
