/// File names the system generates for uploads and exports: no path separators, no dot
/// files, ASCII letters, digits and `-_.` only, at most 100 characters.
public enum SafeFileName {
    public static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}
