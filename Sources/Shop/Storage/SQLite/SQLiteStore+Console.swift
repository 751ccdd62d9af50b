import Foundation

// The staff console on SQLite: its users, the audit log and the inbox (`AppDatabase`'s
// transactions on `BlockingPool`).
extension SQLiteStore {
    // MARK: StaffUserStore

    public func createStaffUser(name: String, role: Role, passwordHash: String) async throws -> StaffUser {
        try await database.perform { try $0.createStaffUser(name: name, role: role, passwordHash: passwordHash) }
    }

    public func staffUser(name: String) async throws -> StaffUser? {
        try await database.perform { try $0.staffUser(name: name) }
    }

    public func staffUser(id: Int64) async throws -> StaffUser? {
        try await database.perform { try $0.staffUser(id: id) }
    }

    public func staffUsers() async throws -> [StaffUser] {
        try await database.perform { try $0.staffUsers() }
    }

    @discardableResult
    public func setStaffUserActive(name: String, active: Bool) async throws -> StaffUser {
        try await database.perform { try $0.setStaffUserActive(name: name, active: active) }
    }

    // MARK: AuditStore

    public func appendAudit(_ entry: NewAuditEntry) async throws {
        try await database.perform { try $0.appendAudit(entry) }
    }

    public func auditPage(user: String?, limit: Int?, offset: Int?) async throws -> (
        entries: [AuditEntry], total: Int
    ) {
        try await database.perform { try $0.auditPage(user: user, limit: limit, offset: offset) }
    }

    // MARK: InboxStore

    public func inbox(_ filter: InboxFilter, viewer: Int64, limit: Int?, offset: Int?) async throws
        -> (conversations: [ConversationSummary], total: Int)
    {
        try await database.perform { try $0.inbox(filter, viewer: viewer, limit: limit, offset: offset) }
    }

    public func conversation(chatId: String, viewer: Int64) async throws -> ConversationSummary? {
        try await database.perform { try $0.conversation(chatId: chatId, viewer: viewer) }
    }

    public func latestMessage(chatId: String?) async throws -> (id: Int64, created: Date)? {
        try await database.perform { try $0.latestMessage(chatId: chatId) }
    }

    public func conversationsNeedingPerson(after: Int64, limit: Int) async throws -> [String] {
        try await database.perform { try $0.conversationsNeedingPerson(after: after, limit: limit) }
    }

    public func markSeen(chatId: String, viewer: Int64, messageId: Int64) async throws {
        try await database.perform { try $0.markSeen(chatId: chatId, viewer: viewer, messageId: messageId) }
    }

    @discardableResult
    public func handOver(chatId: String, aiActive: Bool) async throws -> ChatControl {
        try await database.perform { try $0.handOver(chatId: chatId, aiActive: aiActive) }
    }
}
