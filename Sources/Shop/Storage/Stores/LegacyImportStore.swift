import Foundation

/// Where `import-legacy` writes: one transaction of the target engine, rolled back when the
/// import throws (a refusal, a dry run), so nothing is ever half-imported.
public protocol LegacyImportStore: Sendable {
    func withLegacyImport<T: Sendable>(_ body: (any LegacyImportTransaction) async throws -> T) async throws -> T
}

/// The reads and writes of one legacy import, all inside its transaction. The importer
/// (`LegacyImportRun`) decides what to write; each engine only stores it.
public protocol LegacyImportTransaction {
    /// Whether the old row `legacyId` of `table` was imported before (`importacion_legado`).
    func alreadyImported(_ table: String, _ legacyId: String) async throws -> Bool
    func recordImport(_ table: String, _ legacyId: String, as newId: String, at now: Date) async throws
    func product(id: Int64) async throws -> Product?
    /// Inserts the product with its own id, or overwrites the stored row with that id.
    func saveProduct(_ product: Product, now: Date) async throws
    func client(idNumber: String) async throws -> Client?
    /// Inserts or replaces a client's data, keeping its purchase figures.
    func saveClient(_ details: ClientDetails, active: Bool, registered: Date, now: Date) async throws
    /// Stores one old message as it was (sender, time); returns its new id.
    func insertMessage(_ message: LegacyMessage) async throws -> Int64
    /// Gives chats without a control record one on `channel`, owned by `owner`.
    func adoptChats(_ chatIds: [String], channel: Channel, owner: String?, now: Date) async throws
    func activeCompanyContext() async throws -> CompanyContext?
    /// A new active version of the company text.
    func insertCompanyContext(_ content: String) async throws -> CompanyContext
    /// The chat's AI switch, nil when the chat has no control record.
    func aiActive(chatId: String) async throws -> Bool?
    func setAIActive(chatId: String, active: Bool, now: Date) async throws
    /// A historical order as it was (never touching the stock); returns its id.
    func insertOrder(_ order: LegacyOrder) async throws -> Int64
    /// Recomputes the clients' order count, total bought and last purchase from their orders.
    func recomputeClientFigures(_ idNumbers: [String]) async throws
}

/// An old message to store.
public struct LegacyMessage: Sendable {
    public var chatId: String
    public var sender: Sender
    public var content: String
    /// JSON text (`{"legado": {...}}`).
    public var metadata: String
    public var created: Date
}

/// An old purchase rebuilt as an order.
public struct LegacyOrder: Sendable {
    public var key: String
    public var chatId: String?
    public var client: ClientDetails
    public var state: OrderState
    public var lines: [OrderLine]
    public var created: Date

    public var total: Int { lines.reduce(0) { $0 + $1.subtotal } }
}
