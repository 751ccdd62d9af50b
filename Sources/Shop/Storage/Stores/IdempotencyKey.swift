import Foundation

/// An order's idempotency key, checked the same way by every engine.
enum IdempotencyKey {
    /// The key trimmed; 1 to 200 characters.
    static func validated(_ raw: String) throws -> String {
        let key = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(key.count) else {
            throw ValidationErrors([
                ValidationError(
                    field: "idempotency_key", message: "La clave de idempotencia debe tener entre 1 y 200 caracteres.")
            ])
        }
        return key
    }
}
