import Shop

/// A stored client's data as a chat may show it to whoever typed the cédula: recognisable
/// by its owner, useless to anyone else ("celular terminado en 4567", "correo
/// j***@gmail.com"). Stored data is only ever confirmed in a chat, never disclosed.
public enum ClientMask {
    /// The last four digits of a phone.
    public static func phoneEnding(_ phone: String) -> String {
        String(phone.filter(\.isNumber).suffix(4))
    }

    /// "juan.perez@gmail.com" → "j***@gmail.com".
    public static func email(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), let first = email.first, at != email.startIndex else {
            return "***"
        }
        return "\(first)***\(email[at...])"
    }

    /// "Ana María Gómez" → "Ana M. G."
    public static func name(_ name: String) -> String {
        let parts = name.split(separator: " ")
        guard let first = parts.first else { return "***" }
        return ([String(first)] + parts.dropFirst().compactMap { $0.first.map { "\($0)." } }).joined(separator: " ")
    }

    /// How a stored address, neighbourhood or note is shown.
    public static let storedText = "la que tenemos registrada"

    /// What the chat shows of a stored value (`slot`'s).
    public static func value(_ slot: CheckoutSlot, _ value: String) -> String {
        switch slot {
        case .name: name(value)
        case .idNumber: value
        case .phone: "terminado en \(phoneEnding(value))"
        case .email: email(value)
        case .address, .neighborhood: storedText
        case .notes: "las que tenemos registradas"
        }
    }

    /// The client details with every slot in `stored` masked.
    public static func details(_ details: ClientDetails, stored: Set<CheckoutSlot>) -> ClientDetails {
        func shown(_ slot: CheckoutSlot, _ raw: String?) -> String? {
            guard let raw else { return nil }
            return stored.contains(slot) ? value(slot, raw) : raw
        }
        return ClientDetails(
            idNumber: details.idNumber, name: shown(.name, details.name) ?? details.name,
            phone: shown(.phone, details.phone), email: shown(.email, details.email),
            address: shown(.address, details.address), neighborhood: shown(.neighborhood, details.neighborhood),
            notes: shown(.notes, details.notes))
    }
}

/// What the agent tells a customer who typed a cédula on file: enough for its owner to
/// recognise the record, nothing more.
public struct StoredClientHint: Sendable, Equatable {
    public var phoneEnding: String?
    public var email: String?
    public var hasAddress: Bool

    public init(_ details: ClientDetails) {
        phoneEnding = details.phone.map(ClientMask.phoneEnding)
        email = details.email.map(ClientMask.email)
        hasAddress = details.address != nil
    }
}
