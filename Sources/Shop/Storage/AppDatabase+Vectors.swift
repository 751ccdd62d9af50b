import Foundation
import GRDB

/// A stored vector index (see `Schema.createVectorIndexes`).
public struct VectorIndexInfo: Sendable, Equatable {
    public enum State: String, Sendable {
        case building = "construyendo"
        case active = "activo"
        case retired = "retirado"
    }

    public var id: Int64
    public var model: String
    public var dimension: Int
    public var state: State
    public var generation: Int64
    /// The re-index job building it.
    public var job: String?
    /// Products to embed when the build started.
    public var total: Int
}

/// A vector to store for a product, made from the text with fingerprint `fingerprint`.
public struct ProductVector: Sendable {
    public var productId: Int64
    public var fingerprint: String
    public var vector: [Float]

    public init(productId: Int64, fingerprint: String, vector: [Float]) {
        self.productId = productId
        self.fingerprint = fingerprint
        self.vector = vector
    }
}

/// Rows of an index written after a generation: vectors to upsert, nil for deleted products.
public struct VectorChanges: Sendable {
    public var index: VectorIndexInfo
    public var rows: [(productId: Int64, vector: [Float]?)]
}

extension AppDatabase {
    public func activeVectorIndex() throws -> VectorIndexInfo? {
        try pool.read { db in try Self.fetchIndexes(db, "WHERE estado = 'activo'").first }
    }

    public func vectorIndex(id: Int64) throws -> VectorIndexInfo? {
        try pool.read { db in try Self.fetchIndexes(db, "WHERE id = ?", [id]).first }
    }

    /// The indexes new vectors of `model` go to: the active one if it is of that model, and
    /// those being built for it.
    public func vectorTargets(model: String) throws -> [VectorIndexInfo] {
        try pool.read { db in
            try Self.fetchIndexes(db, "WHERE modelo = ? AND estado IN ('activo', 'construyendo') ORDER BY id", [model])
        }
    }

    /// The index the re-index job `job` builds: created on its first run (with every other
    /// unfinished build retired), found again when the job is re-delivered after a crash.
    public func buildingIndex(job: String, model: String, dimension: Int) throws -> VectorIndexInfo {
        try pool.write { db in
            if let existing = try Self.fetchIndexes(db, "WHERE trabajo = ?", [job]).first { return existing }
            try db.execute(sql: "UPDATE indices_vectores SET estado = 'retirado' WHERE estado = 'construyendo'")
            try db.execute(
                sql: """
                    DELETE FROM indices_vectores WHERE estado = 'retirado';
                    INSERT INTO indices_vectores (modelo, dimension, estado, trabajo, total, creado)
                    VALUES (?, ?, 'construyendo', ?, (SELECT COUNT(*) FROM productos), ?)
                    """, arguments: [model, dimension, job, Date()])
            return try Self.fetchIndexes(db, "WHERE id = ?", [db.lastInsertedRowID]).first!
        }
    }

    /// Every product id, for a re-index.
    public func allProductIds() throws -> [Int64] {
        try pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM productos ORDER BY id") }
    }

    /// The stored fingerprints of these products in an index (deleted ones excluded).
    public func vectorFingerprints(index: Int64, productIds: [Int64]) throws -> [Int64: String] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT producto_id, huella FROM vectores_productos
                    WHERE indice_id = ? AND vector IS NOT NULL AND producto_id IN (SELECT value FROM json_each(?))
                    """, arguments: [index, JSONArray.of(productIds)])
            return Dictionary(rows.map { ($0["producto_id"], $0["huella"]) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Stores vectors in an index that is still active or building, in one transaction:
    /// only those whose product still has the text they were made from (a newer edit's job
    /// writes its own), and a NULL for each of `deleted` that no longer exists. Returns how
    /// many rows were written (0 and nothing bumped when the index was retired meanwhile).
    @discardableResult
    public func storeVectors(index: Int64, _ vectors: [ProductVector], deleted: [Int64] = []) throws -> Int {
        try pool.write { db in
            guard
                let info = try Self.fetchIndexes(db, "WHERE id = ? AND estado IN ('activo', 'construyendo')", [index])
                    .first
            else { return 0 }
            let generation = info.generation + 1
            let current = try Product.fetchAll(
                db, sql: "SELECT * FROM productos WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [JSONArray.of(vectors.map(\.productId))])
            var written = 0
            for entry in try VectorWrites.current(vectors, products: current, dimension: info.dimension) {
                try db.execute(
                    sql: """
                        INSERT INTO vectores_productos (indice_id, producto_id, huella, vector, generacion)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (indice_id, producto_id) DO UPDATE SET
                            huella = excluded.huella, vector = excluded.vector, generacion = excluded.generacion
                        """,
                    arguments: [index, entry.productId, entry.fingerprint, VectorBlob.encode(entry.vector), generation])
                written += 1
            }
            for productId in deleted where try Self.fetchProduct(db, id: productId) == nil {
                try db.execute(
                    sql: """
                        UPDATE vectores_productos SET vector = NULL, huella = '', generacion = ?
                        WHERE indice_id = ? AND producto_id = ? AND vector IS NOT NULL
                        """, arguments: [generation, index, productId])
                written += db.changesCount
            }
            if written > 0 {
                try db.execute(
                    sql: "UPDATE indices_vectores SET generacion = ? WHERE id = ?", arguments: [generation, index])
            }
            return written
        }
    }

    /// How many products of the catalog an index has a vector for, and how many it should.
    public func vectorProgress(index: Int64) throws -> (done: Int, total: Int) {
        try pool.read { db in
            let done =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM vectores_productos v JOIN productos p ON p.id = v.producto_id
                        WHERE v.indice_id = ? AND v.vector IS NOT NULL
                        """, arguments: [index]) ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM productos") ?? 0
            return (done, total)
        }
    }

    /// Makes a building index the active one once it has a vector for every product: the old
    /// active index is retired and its vectors deleted, in the same transaction, so readers
    /// see either the old index or the whole new one. True when this call (or an earlier
    /// one) activated it.
    @discardableResult
    public func activateIfComplete(index: Int64) throws -> Bool {
        try pool.write { db in
            guard let info = try Self.fetchIndexes(db, "WHERE id = ?", [index]).first else { return false }
            if info.state == .active { return true }
            guard info.state == .building else { return false }
            let missing =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM productos p WHERE NOT EXISTS (
                            SELECT 1 FROM vectores_productos v
                            WHERE v.indice_id = ? AND v.producto_id = p.id AND v.vector IS NOT NULL)
                        """, arguments: [index]) ?? 0
            guard missing == 0 else { return false }
            try db.execute(sql: "UPDATE indices_vectores SET estado = 'retirado' WHERE estado = 'activo'")
            try db.execute(
                sql:
                    "UPDATE indices_vectores SET estado = 'activo', activado = ?, generacion = generacion + 1 WHERE id = ?",
                arguments: [Date(), index])
            try db.execute(sql: "DELETE FROM indices_vectores WHERE estado = 'retirado'")
            return true
        }
    }

    /// The active index and its rows written after `generation` (all of them when the index
    /// is not `indexId`), read in one snapshot; nil when no index is active.
    public func activeVectorChanges(knownIndex indexId: Int64?, since generation: Int64) throws -> VectorChanges? {
        try pool.read { db in
            guard let info = try Self.fetchIndexes(db, "WHERE estado = 'activo'").first else { return nil }
            let full = info.id != indexId
            if !full, info.generation == generation { return VectorChanges(index: info, rows: []) }
            let rows = try Row.fetchCursor(
                db,
                sql: full
                    ? "SELECT producto_id, vector FROM vectores_productos WHERE indice_id = ? AND vector IS NOT NULL"
                    : "SELECT producto_id, vector FROM vectores_productos WHERE indice_id = ? AND generacion > ?",
                arguments: full ? [info.id] : [info.id, generation])
            var changes: [(productId: Int64, vector: [Float]?)] = []
            while let row = try rows.next() {
                let blob: Data? = row["vector"]
                changes.append((row["producto_id"], blob.map(VectorBlob.decode)))
            }
            return VectorChanges(index: info, rows: changes)
        }
    }

    static func fetchIndexes(_ db: Database, _ condition: String, _ arguments: StatementArguments = [])
        throws -> [VectorIndexInfo]
    {
        try Row.fetchAll(db, sql: "SELECT * FROM indices_vectores \(condition)", arguments: arguments).map { row in
            VectorIndexInfo(
                id: row["id"], model: row["modelo"], dimension: row["dimension"],
                state: VectorIndexInfo.State(rawValue: row["estado"]) ?? .retired, generation: row["generacion"],
                job: row["trabajo"], total: row["total"])
        }
    }
}

extension AppDatabase {
    /// Products an index still has a vector for although they were deleted.
    public func orphanVectors(index: Int64) throws -> [Int64] {
        try pool.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT producto_id FROM vectores_productos
                    WHERE indice_id = ? AND vector IS NOT NULL AND producto_id NOT IN (SELECT id FROM productos)
                    """, arguments: [index])
        }
    }
}
