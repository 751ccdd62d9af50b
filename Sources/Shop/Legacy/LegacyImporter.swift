import Foundation
import SpanishText

/// Brings a shop over from the old Python backend: its products, clients, sales (rebuilt
/// into orders with their lines), chat messages, active company text and per-chat AI
/// switches, into this system's database, in ONE transaction (a crash or a refusal leaves
/// nothing half-imported; a dry run rolls it back and reports what would have happened).
///
/// Idempotent: products keep their ids and clients their cédulas (unchanged rows are not
/// rewritten), and every sale, message and company text imported is recorded in
/// `importacion_legado`, so a second run changes nothing. Values the new rules refuse are
/// adjusted with a note (prices rounded to whole pesos, an invalid e-mail dropped) or the
/// row is skipped with its reason; nothing is dropped silently.
public struct LegacyImporter: Sendable {
    public var dryRun = false
    /// The token subject of the HTTP channel that will continue the imported chats (their
    /// owner); nil leaves them unowned.
    public var chatOwner: String?
    /// Progress lines for the operator ("mensajes: 5000/787000").
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(dryRun: Bool = false, chatOwner: String? = nil) {
        self.dryRun = dryRun
        self.chatOwner = chatOwner
    }

    struct DryRunRollback: Error {
        var report: LegacyImportReport
    }

    /// Imports `path` into `store` (any engine), in one transaction of the store.
    public func run(from path: String, into store: any LegacyImportStore) async throws -> LegacyImportReport {
        let source = try LegacySource(path: path)
        var report: LegacyImportReport
        do {
            report = try await store.withLegacyImport { target in
                var run = LegacyImportRun(source: source, target: target, chatOwner: chatOwner, progress: progress)
                try await run.importAll()
                if dryRun { throw DryRunRollback(report: run.report) }
                return run.report
            }
        } catch let rollback as DryRunRollback {
            report = rollback.report
        }
        report.dryRun = dryRun
        return report
    }
}

/// One import inside its transaction.
struct LegacyImportRun {
    let source: LegacySource
    let target: any LegacyImportTransaction
    let chatOwner: String?
    let progress: @Sendable (String) -> Void
    var report = LegacyImportReport()
    let now = Date()

    /// The stored id of an old chat: Telegram's as they were, the others in the namespace of
    /// the channel that continues them (`ChatScope`, `chatOwner`; none gives the empty
    /// subject, a chat no channel can write to); nil when the scoped id is too long.
    func storedChatId(_ legacy: String) -> String? {
        if ChatScope.isTelegram(legacy) { return legacy }
        let stored = ChatScope.scoped(legacy, channel: chatOwner ?? "")
        return stored.utf8.count <= ChatScope.maxStoredLength ? stored : nil
    }

    mutating func importAll() async throws {
        try await importProducts()
        try await importClients()
        try await importSales()
        try await importMessages()
        try await importCompanyText()
        try await importChatControl()
    }

    func progressLine(_ table: String, _ done: Int, _ total: Int) {
        if total >= 1_000, done % 1_000 == 0 || done == total { progress("\(table): \(done)/\(total)") }
    }
}
