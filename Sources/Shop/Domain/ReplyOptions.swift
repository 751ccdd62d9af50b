/// The answers a reply offers as buttons: a yes/no, an order's confirmation, a quantity, or
/// the customer's phone. Telegram shows them as an inline keyboard (or, for the phone, a
/// keyboard button that shares the customer's contact); the HTTP widget receives them as
/// `opciones` beside the reply. A button only stands for words the customer could type
/// (`ReplyAction.typed`): typed answers keep working everywhere, and a press is fed to the
/// agent as that text.
public struct ReplyOptions: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// The order's summary: confirm, change something, or cancel.
        case confirmOrder = "confirmar_pedido"
        /// A yes/no question (take the stock there is, use the stored data).
        case yesNo = "si_no"
        /// How many units.
        case quantity = "cantidad"
        /// The customer's phone (Telegram: a button that shares the contact; no `botones`).
        case phone = "telefono"
    }

    public var kind: Kind
    public var choices: [ReplyChoice]

    public init(kind: Kind, choices: [ReplyChoice]) {
        self.kind = kind
        self.choices = choices
    }

    enum CodingKeys: String, CodingKey {
        case kind = "tipo"
        case choices = "botones"
    }
}

/// One button: what it shows and what it stands for.
public struct ReplyChoice: Codable, Sendable, Equatable {
    public var label: String
    public var action: ReplyAction

    public init(_ label: String, _ action: ReplyAction) {
        self.label = label
        self.action = action
    }

    /// The text the button stands for, as the customer would type it.
    public var message: String { action.typed }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        action = try container.decode(ReplyAction.self, forKey: .action)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(message, forKey: .message)
        try container.encode(action, forKey: .action)
    }

    enum CodingKeys: String, CodingKey {
        case label = "etiqueta"
        case message = "mensaje"
        case action = "accion"
    }
}

/// The closed set of things a button may say. Its raw value is short ASCII (it travels in
/// Telegram's `callback_data`, at most 64 bytes) and is read strictly: anything else is
/// not an action.
public enum ReplyAction: Sendable, Equatable, Hashable, Codable, RawRepresentable {
    case yes
    case no
    case cancel
    /// 1…`maxQuantity` units.
    case quantity(Int)

    public static let maxQuantity = 999

    public var rawValue: String {
        switch self {
        case .yes: "si"
        case .no: "no"
        case .cancel: "cancelar"
        case .quantity(let count): "c\(count)"
        }
    }

    /// Only the exact codes above; a quantity of 1 to 3 plain ASCII digits without leading
    /// zero, within 1…`maxQuantity`.
    public init?(rawValue: String) {
        switch rawValue {
        case "si": self = .yes
        case "no": self = .no
        case "cancelar": self = .cancel
        default:
            let digits = rawValue.utf8.dropFirst()
            guard rawValue.utf8.first == UInt8(ascii: "c"), (1...3).contains(digits.count),
                digits.first != UInt8(ascii: "0"), digits.allSatisfy({ (48...57).contains($0) }),
                let count = Int(String(decoding: digits, as: UTF8.self)), (1...Self.maxQuantity).contains(count)
            else { return nil }
            self = .quantity(count)
        }
    }

    /// The words the press stands for, as the customer would type them.
    public var typed: String {
        switch self {
        case .yes: "sí"
        case .no: "no"
        case .cancel: "cancelar"
        case .quantity(let count): "\(count)"
        }
    }
}
