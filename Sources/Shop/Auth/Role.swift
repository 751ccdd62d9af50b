/// Who may call what: `canal` (chat endpoints and its own jobs) < `operador` (+ clients,
/// orders, exports, chat control) < `admin` (everything).
public enum Role: String, Codable, Sendable, Comparable, CaseIterable {
    case channel = "canal"
    case `operator` = "operador"
    case admin

    private var rank: Int {
        switch self {
        case .channel: 0
        case .operator: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

/// The verified caller of a request.
public struct Identity: Sendable, Equatable {
    public var subject: String
    public var role: Role

    public init(subject: String, role: Role) {
        self.subject = subject
        self.role = role
    }
}
