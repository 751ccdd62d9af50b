import Foundation

/// An HTTP channel's delivery settings: the token subject of a `canal` identity, the URL
/// that receives each reply as a signed POST, and the secret it is signed with (generated
/// at registration, shown to the admin, kept when only the URL changes).
public struct HTTPChannel: Codable, Sendable, Equatable {
    public var subject: String
    public var callbackURL: String
    public var secret: String
    public var updated: Date

    public init(subject: String, callbackURL: String, secret: String, updated: Date) {
        self.subject = subject
        self.callbackURL = callbackURL
        self.secret = secret
        self.updated = updated
    }

    enum CodingKeys: String, CodingKey {
        case subject = "sujeto"
        case callbackURL = "callback_url"
        case secret = "secreto", updated = "actualizado"
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
                field: "callback_url",
                message:
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
            throw ValidationError(field: "sujeto", message: "El sujeto del canal debe tener entre 1 y 200 caracteres.")
        }
        return text
    }
}
