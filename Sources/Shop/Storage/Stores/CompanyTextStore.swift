import Foundation

/// The company text the agent answers company questions from: versioned, exactly one active.
public protocol CompanyTextStore: Sendable {
    func activeCompanyContext() async throws -> CompanyContext?
    /// Stores `content` as a new version and makes it the active one; the previous version
    /// stays, inactive.
    @discardableResult
    func replaceCompanyContext(_ content: String) async throws -> CompanyContext
}

extension CompanyContext {
    /// The text as stored: trimmed, 1 to `maxLength` characters (checked the same on every engine).
    static func validContent(_ content: String) throws -> String {
        let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= CompanyContext.maxLength else {
            throw ValidationErrors([
                ValidationError(
                    field: "contenido",
                    message: "El texto de la empresa no puede estar vacío ni tener más de "
                        + "\(Money.grouped(CompanyContext.maxLength)) caracteres.")
            ])
        }
        return text
    }
}
