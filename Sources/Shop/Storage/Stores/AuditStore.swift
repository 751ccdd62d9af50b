import Foundation

/// The console's audit log: append-only, read newest first.
public protocol AuditStore: Sendable {
    func appendAudit(_ entry: NewAuditEntry) async throws
    /// A page of the log, newest first; `user` keeps one user's lines (compared without case).
    func auditPage(user: String?, limit: Int?, offset: Int?) async throws -> (entries: [AuditEntry], total: Int)
}

extension AuditStore {
    public func auditPage(limit: Int? = nil) async throws -> (entries: [AuditEntry], total: Int) {
        try await auditPage(user: nil, limit: limit, offset: nil)
    }
}
