import Foundation

// The staff side of the store on SQLite: company text, HTTP channels, client records,
// reports, catalog files, exports and retention (each `AppDatabase`'s transaction on
// `BlockingPool`).
extension SQLiteStore {
    // MARK: CompanyTextStore

    public func activeCompanyContext() async throws -> CompanyContext? {
        try await database.perform { try $0.activeCompanyContext() }
    }

    @discardableResult
    public func replaceCompanyContext(_ content: String) async throws -> CompanyContext {
        try await database.perform { try $0.replaceCompanyContext(content) }
    }

    // MARK: ChannelStore

    @discardableResult
    public func setChannelCallback(subject: String, callbackURL: String, rotateSecret: Bool) async throws
        -> HTTPChannel
    {
        try await database.perform {
            try $0.setChannelCallback(subject: subject, callbackURL: callbackURL, rotateSecret: rotateSecret)
        }
    }

    public func channelCallback(subject: String) async throws -> HTTPChannel? {
        try await database.perform { try $0.channelCallback(subject: subject) }
    }

    @discardableResult
    public func deleteChannelCallback(subject: String) async throws -> Bool {
        try await database.perform { try $0.deleteChannelCallback(subject: subject) }
    }

    // MARK: ClientStore (staff)

    public func createClient(_ details: ClientDetails) async throws -> Client {
        try await database.perform { try $0.createClient(details) }
    }

    public func updateClient(idNumber: String, _ details: ClientDetails) async throws -> Client {
        try await database.perform { try $0.updateClient(idNumber: idNumber, details) }
    }

    public func deleteClient(idNumber: String) async throws -> ClientDeletion {
        try await database.perform { try $0.deleteClient(idNumber: idNumber) }
    }

    public func setClientActive(idNumber: String, active: Bool) async throws -> Client {
        try await database.perform { try $0.setClientActive(idNumber: idNumber, active: active) }
    }

    public func searchClients(q: String, limit: Int?, offset: Int?) async throws -> Page<Client> {
        try await database.perform { try $0.searchClients(q: q, limit: limit, offset: offset) }
    }

    public func clientOrders(idNumber: String, limit: Int?, offset: Int?) async throws -> Page<Order> {
        try await database.perform { try $0.clientOrders(idNumber: idNumber, limit: limit, offset: offset) }
    }

    // MARK: ChatStore (staff, retention)

    public func storedChatIds(external chatId: String) async throws -> [String] {
        try await database.perform { try $0.storedChatIds(external: chatId) }
    }

    public func pruneConversations(messagesBefore: Date?, dialogueBefore: Date?, batch: Int) async throws
        -> PrunedConversations
    {
        try await database.perform {
            try $0.pruneConversations(messagesBefore: messagesBefore, dialogueBefore: dialogueBefore, batch: batch)
        }
    }

    // MARK: ReportStore

    public func sales(since: String?, until: String?) async throws -> SalesReport {
        try await database.perform { try $0.sales(since: since, until: until) }
    }

    public func statistics() async throws -> Statistics {
        try await database.perform { try $0.statistics() }
    }

    public func salesPanel(since: String?, until: String?, top: Int, stockThreshold: Int, now: Date) async throws
        -> SalesPanel
    {
        try await database.perform {
            try $0.salesPanel(since: since, until: until, top: top, stockThreshold: stockThreshold, now: now)
        }
    }

    // MARK: CatalogStore

    public func importCatalog(rows: [CatalogRow], mode: ImportMode, rowErrors: [RowError]) async throws
        -> ImportResult
    {
        try await database.perform { try $0.importCatalog(rows: rows, mode: mode, rowErrors: rowErrors) }
    }

    public func seedIfEmpty(catalogCSV: String, companyText: String) async throws -> SeedResult {
        try await database.perform { try $0.seedIfEmpty(catalogCSV: catalogCSV, companyText: companyText) }
    }

    // MARK: ExportStore

    public func export(_ job: ExportJob, to path: String, progress: @escaping Exporter.Progress) async throws
        -> Exporter.Outcome
    {
        try await database.perform { try Exporter.run(job, database: $0, to: path, progress: progress) }
    }
}
