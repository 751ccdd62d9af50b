import Foundation
import Support

/// One line of the console's audit log: who did what, when, from where.
public struct AuditEntry: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// The user name ("cli" for the command line).
    public var user: String
    public var action: String
    /// What the action was about (an order id, a product, a chat...); free text, short.
    public var detail: String
    public var address: String?
    public var created: Date

    public init(id: Int64, user: String, action: String, detail: String, address: String?, created: Date) {
        self.id = id
        self.user = user
        self.action = action
        self.detail = detail
        self.address = address
        self.created = created
    }
}

/// An audit line to write.
public struct NewAuditEntry: Sendable, Equatable {
    public var user: String
    public var action: String
    public var detail: String
    public var address: String?

    public init(user: String, action: String, detail: String = "", address: String? = nil) {
        self.user = String(user.prefix(80))
        self.action = String(action.prefix(80))
        self.detail = String(detail.prefix(500))
        self.address = address.map { String($0.prefix(64)) }
    }
}
