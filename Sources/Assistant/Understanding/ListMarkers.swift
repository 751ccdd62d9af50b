/// Numbered lists ("1. Chaleco refrigerante x 4\n2. Botas PVC x 16"): the item numbers at the
/// start of lines are no quantities. With two lines or more that open with one or two digits
/// and ".", ")" or "-" before a space, those markers become spaces (the text keeps its length,
/// so ranges found later still point at the same characters). One pass over the message.
public enum ListMarkers {
    public static func rewrite(_ text: String) -> String {
        var characters = Array(text)
        var markers: [Range<Int>] = []
        var lineStart = 0
        for index in 0...characters.count where index == characters.count || characters[index] == "\n" {
            if let marker = marker(in: characters, from: lineStart, to: index) { markers.append(marker) }
            lineStart = index + 1
        }
        guard markers.count >= 2 else { return text }
        for marker in markers {
            for offset in marker { characters[offset] = " " }
        }
        return String(characters)
    }

    /// The marker opening the line `start..<end`: spaces, one or two digits, ".", ")" or "-",
    /// then a space.
    static func marker(in characters: [Character], from start: Int, to end: Int) -> Range<Int>? {
        var index = start
        while index < end, characters[index] == " " || characters[index] == "\t" { index += 1 }
        let digitsStart = index
        while index < end, index - digitsStart < 3, characters[index].isASCII, characters[index].isNumber {
            index += 1
        }
        guard (1...2).contains(index - digitsStart), index + 1 < end, ".)-".contains(characters[index]),
            characters[index + 1] == " "
        else { return nil }
        return digitsStart..<(index + 1)
    }
}
