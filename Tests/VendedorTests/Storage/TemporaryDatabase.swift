import Foundation
import GRDB

@testable import Shop

/// A fresh directory per test holding real SQLite files; removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vendedor-storage-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    var databasePath: String { url.appendingPathComponent("app.db").path }

    /// Opens (another pool on) this directory's database file, as a process would.
    func openDatabase() throws -> AppDatabase {
        try AppDatabase.open(path: databasePath)
    }
}

/// Shared test data and small helpers reading the database directly.
enum Fixtures {
    static let client = ClientDetails(
        idNumber: "1.107.654.321", name: "  Ana   María Gómez ", phone: "+57 318 284 2304",
        email: "Ana.Gomez@Example.COM", address: "Cra 4 # 31-11", neighborhood: "San Nicolás",
        notes: "Portería")

    static let products: [ProductInput] = [
        ProductInput(id: 1, name: "Extintor PQS 10 libras", price: 45000, stock: 10, category: "Contra Incendios"),
        ProductInput(id: 2, name: "Guantes vaqueta", description: "Guantes de cuero", price: 15800, stock: 23),
        ProductInput(
            id: 3, name: "Cámara vigilancia", description: "Cámara domo interior", price: 109000, stock: 7),
        ProductInput(id: 4, name: "Casco dieléctrico", price: 39000, stock: 0, category: "Protección Cabeza"),
        ProductInput(id: 5, name: "Chaleco reflectivo", price: 15000, stock: 40, active: false),
    ]

    /// A database file with the five fixture products.
    static func databaseWithProducts(in directory: TemporaryDirectory) throws -> AppDatabase {
        let db = try directory.openDatabase()
        for product in products { _ = try db.createProduct(product) }
        return db
    }

    static func order(_ lines: [(Int64, Int)], client: ClientDetails = client, chatId: String? = "tg:42")
        -> OrderRequest
    {
        OrderRequest(
            chatId: chatId, client: client,
            items: lines.map { OrderRequest.Line(productId: $0.0, quantity: $0.1) })
    }

    static func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    static func stock(_ db: AppDatabase, _ id: Int64) throws -> Int? {
        try db.product(id: id)?.stock
    }
}
