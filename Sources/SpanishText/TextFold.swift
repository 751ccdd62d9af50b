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
        String(text.lowercased().map { plain[$0] ?? $0 })
    }
}
