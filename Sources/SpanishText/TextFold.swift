/// Case- and accent-insensitive text for searching: "Cámara" and "camara" fold to the same
/// string. Covers the Latin letters used in Spanish; other characters are only lower-cased.
public enum TextFold {
    private static let plain: [Character: Character] = [
        "á": "a", "à": "a", "ä": "a", "â": "a", "ã": "a",
        "é": "e", "è": "e", "ë": "e", "ê": "e",
        "í": "i", "ì": "i", "ï": "i", "î": "i",
        "ó": "o", "ò": "o", "ö": "o", "ô": "o", "õ": "o",
        "ú": "u", "ù": "u", "ü": "u", "û": "u",
        "ñ": "n", "ç": "c",
    ]

    public static func fold(_ text: String) -> String {
        // Most messages are plain ASCII: lower-cased byte by byte, the same result as below
        // without a dictionary look-up and a grapheme walk per character.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
                var count = 0
                for byte in text.utf8 {
                    buffer[count] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                    count += 1
                }
                return count
            }
        }
        return String(text.lowercased().map { plain[$0] ?? $0 })
    }

    /// One character folded (the first character of its folded text), as `Words` reads a
    /// message one character at a time so that offsets stay those of the original.
    public static func fold(_ character: Character) -> Character {
        // "\r\n" also has an ASCII value (10) and stays as it is, as with the string path.
        if let ascii = character.asciiValue {
            return (0x41...0x5A).contains(ascii) ? Character(Unicode.Scalar(ascii + 0x20)) : character
        }
        return fold(String(character)).first ?? character
    }

    /// A letter or a digit (`Character.isLetter || isNumber`), without Unicode's property
    /// tables for ASCII.
    public static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (0x30...0x39).contains(ascii) || (0x61...0x7A).contains(ascii) || (0x41...0x5A).contains(ascii)
        }
        return character.isLetter || character.isNumber
    }

    /// `Character.isNumber`, without Unicode's property tables for ASCII.
    public static func isDigitLike(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return (0x30...0x39).contains(ascii) }
        return character.isNumber
    }
}
