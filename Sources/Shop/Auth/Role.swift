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

    /// Who owns the jobs this caller enqueues: role and subject, so a `canal` named like an
    /// operator is never taken for it (issue 16).
    public var ownerKey: String { "\(role.rawValue):\(subject)" }

    /// The subject in a job's owner key (`canal:widget` → widget); a bare subject (jobs
    /// enqueued before owners carried the role) is returned as is.
    public static func subject(ofOwner owner: String) -> String {
        for role in Role.allCases where owner.hasPrefix(role.rawValue + ":") {
            return String(owner.dropFirst(role.rawValue.count + 1))
        }
        return owner
    }
}
