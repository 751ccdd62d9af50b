import Foundation

/// An `application/x-www-form-urlencoded` body (or query string) as name → value, bounded:
/// at most `maxFields` fields, each value at most `maxValueBytes`; `+` is a space.
struct FormData: Sendable {
    private(set) var values: [String: String] = [:]

    static let maxFields = 64
    static let maxValueBytes = 16 * 1024

    init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// Throws `APIError.badRequest` for a body that is not a form within the bounds.
    init(urlEncoded body: String) throws {
        let pairs = body.split(separator: "&", omittingEmptySubsequences: true)
        guard pairs.count <= Self.maxFields else { throw APIError.badRequest("El formulario tiene demasiados campos.") }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError.badRequest("El formulario no está bien codificado.")
            }
            guard value.utf8.count <= Self.maxValueBytes else {
                throw APIError(.bodyTooLarge, "El campo «\(name.prefix(40))» es demasiado largo.")
            }
            values[name] = value
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// The field with surrounding blanks removed; nil when missing or blank.
    func text(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    private static func decode(_ raw: Substring) -> String? {
        String(raw).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
