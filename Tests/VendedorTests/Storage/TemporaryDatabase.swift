import Foundation
import GRDB

@testable import Core

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
    static let cliente = ClienteDatos(
        cedula: "1.107.654.321", nombre: "  Ana   María Gómez ", telefono: "+57 318 284 2304",
        correo: "Ana.Gomez@Example.COM", direccion: "Cra 4 # 31-11", barrio: "San Nicolás",
        indicaciones: "Portería")

    static let productos: [ProductoInput] = [
        ProductoInput(id: 1, nombre: "Extintor PQS 10 libras", precio: 45000, stock: 10, categoria: "Contra Incendios"),
        ProductoInput(id: 2, nombre: "Guantes vaqueta", descripcion: "Guantes de cuero", precio: 15800, stock: 23),
        ProductoInput(
            id: 3, nombre: "Cámara vigilancia", descripcion: "Cámara domo interior", precio: 109000, stock: 7),
        ProductoInput(id: 4, nombre: "Casco dieléctrico", precio: 39000, stock: 0, categoria: "Protección Cabeza"),
        ProductoInput(id: 5, nombre: "Chaleco reflectivo", precio: 15000, stock: 40, activo: false),
    ]

    /// A database file with the five fixture products.
    static func databaseWithProducts(in directory: TemporaryDirectory) throws -> AppDatabase {
        let db = try directory.openDatabase()
        for producto in productos { _ = try db.createProduct(producto) }
        return db
    }

    static func order(_ lines: [(Int64, Int)], cliente: ClienteDatos = cliente, chatId: String? = "tg:42")
        -> OrderRequest
    {
        OrderRequest(
            chatId: chatId, cliente: cliente,
            items: lines.map { OrderRequest.Line(productoId: $0.0, cantidad: $0.1) })
    }

    static func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    static func stock(_ db: AppDatabase, _ id: Int64) throws -> Int? {
        try db.product(id: id)?.stock
    }
}
