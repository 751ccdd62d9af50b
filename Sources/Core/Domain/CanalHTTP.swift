import Foundation

/// An HTTP channel's delivery settings: the token subject of a `canal` identity, the URL
/// that receives each reply as a signed POST, and the secret it is signed with (generated
/// at registration, shown to the admin, kept when only the URL changes).
public struct CanalHTTP: Codable, Sendable, Equatable {
    public var sujeto: String
    public var callbackURL: String
    public var secreto: String
    public var actualizado: Date

    public init(sujeto: String, callbackURL: String, secreto: String, actualizado: Date) {
        self.sujeto = sujeto
        self.callbackURL = callbackURL
        self.secreto = secreto
        self.actualizado = actualizado
    }

    enum CodingKeys: String, CodingKey {
        case sujeto
        case callbackURL = "callback_url"
        case secreto, actualizado
    }

    public static let maxURLLength = 2000

    /// An absolute http(s) URL with a host, without spaces, user info or fragment.
    public static func validCallbackURL(_ raw: String) throws(ValidationError) -> String {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty, text.count <= maxURLLength, !text.contains(where: \.isWhitespace),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
            components.user == nil, components.fragment == nil
        else {
            throw ValidationError(
                campo: "callback_url",
                mensaje:
                    "callback_url debe ser una URL http:// o https:// completa (máximo \(maxURLLength) caracteres).")
        }
        return text
    }

    /// The subject a channel token carries: 1–200 characters, no control characters.
    public static func validSubject(_ raw: String) throws(ValidationError) -> String {
        let text = raw.trimmingWhitespace()
        guard (1...200).contains(text.count),
            !text.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true })
        else {
            throw ValidationError(campo: "sujeto", mensaje: "El sujeto del canal debe tener entre 1 y 200 caracteres.")
        }
        return text
    }
}
