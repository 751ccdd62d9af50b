import SpanishText

/// "son 5, no 6", "son 3 tableros de evacuación, no 2": a count said and the count it replaces
/// after "no" is the line's new amount; the words become "que sean 5" ("que sean 3 tableros de
/// evacuación"), which the reader hears as one, and the replaced count is dropped (it is no
/// order of its own). At most `maxWordsBetween` words between the two counts. One pass over
/// the words.
enum CorrectedCount {
    static let leads: Set<String> = ["son", "eran", "serian", "sean"]
    static let maxWordsBetween = 4

    static func rewrite(_ text: String) -> String {
        let words = Words(text)
        guard words.contains("no") else { return text }
        let characters = Array(text)
        var result = ""
        var copied = 0
        var index = 0
        while index + 3 < words.count {
            // After a rewrite `index` is past what was copied: no position check is needed.
            guard leads.contains(words[index]), let said = SpanishNumber.read(words, at: index + 1) else {
                index += 1
                continue
            }
            let afterSaid = index + 1 + said.length
            let no = (afterSaid..<min(words.count, afterSaid + maxWordsBetween + 1)).first { words[$0] == "no" }
            guard let no, let replaced = SpanishNumber.read(words, at: no + 1), replaced.value != said.value else {
                index += 1
                continue
            }
            let keptEnd =
                no > afterSaid ? words.words[no - 1].range.upperBound : words.words[afterSaid - 1].range.upperBound
            result += String(characters[copied..<words.words[index].range.lowerBound]) + "que sean "
            result += String(characters[words.words[index + 1].range.lowerBound..<keptEnd])
            copied = words.words[no + replaced.length].range.upperBound
            index = no + 1 + replaced.length
        }
        result += String(characters[copied...])
        return result
    }
}
