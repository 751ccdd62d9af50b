/// A deliberately simple, predictable e-mail syntax check (no Foundation regex):
/// `local@domain.tld` with ASCII characters, no spaces, a dotted domain and a letter TLD.
enum EmailAddress {
    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
    private static let domainCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-")

    static func isValid(_ email: String) -> Bool {
        guard email.count <= 254 else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isValidLocal(parts[0]) && isValidDomain(parts[1])
    }

    private static func isValidLocal(_ local: Substring) -> Bool {
        guard (1...64).contains(local.count), local.allSatisfy(localCharacters.contains) else { return false }
        return !local.hasPrefix(".") && !local.hasSuffix(".") && !local.contains("..")
    }

    private static func isValidDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.allSatisfy(domainCharacters.contains),
                !label.hasPrefix("-"), !label.hasSuffix("-")
            else { return false }
        }
        guard let tld = labels.last else { return false }
        return tld.count >= 2 && tld.allSatisfy(\.isLetter)
    }
}
