extension String {
    /// The text without leading and trailing whitespace or newlines (Unicode-aware, and
    /// much cheaper than Foundation's `trimmingCharacters(in:)` on Linux).
    public var trimmed: String {
        // Fast path: starts and ends with a visible ASCII character.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
