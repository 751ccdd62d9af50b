import Foundation
import Support

/// Everything the shop stores, behind one boundary per aggregate. `AppDatabase` (SQLite,
/// through `SQLiteStore`) and `PostgresStore` implement it; `StorageEngine.open` picks one
/// from `DATABASE_URL`. Code that only needs orders takes an `OrderStore`, and so on.
public typealias ShopStore = ProductStore & ProductSearchStore & OrderStore & ClientStore & ChatStore & VectorStore
    & CompanyTextStore & ChannelStore & ReportStore & CatalogStore & ExportStore & BlobTable & StaffUserStore
    & AuditStore & InboxStore & LegacyImportStore

/// Opens the storage `DATABASE_URL` names.
public enum StorageEngine {
    /// The store for `url`: SQLite (the file, created with its directory) or PostgreSQL
    /// (connected, schema migrated under an advisory lock). Call `close()` when done.
    public static func open(_ url: DatabaseURL) async throws -> any ShopStore & ClosableStore {
        if let postgres = url.postgres {
            return try await PostgresStore.connect(postgres)
        }
        let database = try await BlockingPool.shared.run { try AppDatabase.open(url) }
        return SQLiteStore(database)
    }
}

/// A store holding connections that must be released.
public protocol ClosableStore: Sendable {
    func close() async
}
