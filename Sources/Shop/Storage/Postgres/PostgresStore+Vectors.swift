import Foundation
import PostgresNIO

// Product vectors on PostgreSQL (bytea, little-endian float32 like SQLite's blobs). Writers
// lock the index row (`FOR UPDATE`), so generations are handed out one at a time and a
// swap of indexes is seen whole or not at all.
extension PostgresStore {
    static let indexColumns = "id, modelo, dimension, estado, generacion, trabajo, total"

    public func activeVectorIndex() async throws -> VectorIndexInfo? {
        try await read { try await Self.fetchIndexes($0, "WHERE estado = 'activo'", logger).first }
    }

    public func vectorIndex(id: Int64) async throws -> VectorIndexInfo? {
        try await read { try await Self.fetchIndexes($0, "WHERE id = \(id)", logger).first }
    }

    public func vectorTargets(model: String) async throws -> [VectorIndexInfo] {
        try await read {
            try await Self.fetchIndexes(
                $0, "WHERE modelo = \(model) AND estado IN ('activo', 'construyendo') ORDER BY id", logger)
        }
    }

    public func buildingIndex(job: String, model: String, dimension: Int) async throws -> VectorIndexInfo {
        try await transaction { connection in
            // One builder at a time decides (a re-delivered job and a new one may race).
            try await connection.execute("LOCK TABLE indices_vectores IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            if let existing = try await Self.fetchIndexes(connection, "WHERE trabajo = \(job)", logger).first {
                return existing
            }
            try await connection.execute(
                "UPDATE indices_vectores SET estado = 'retirado' WHERE estado = 'construyendo'", logger: logger)
            try await connection.execute("DELETE FROM indices_vectores WHERE estado = 'retirado'", logger: logger)
            let row = try await connection.row(
                """
                INSERT INTO indices_vectores (modelo, dimension, estado, trabajo, total, creado)
                VALUES (\(model), \(dimension), 'construyendo', \(job), (SELECT COUNT(*) FROM productos), \(Date()))
                RETURNING id
                """, logger: logger)
            let id = try row?.value("id", as: Int64.self) ?? 0
            guard let created = try await Self.fetchIndexes(connection, "WHERE id = \(id)", logger).first else {
                throw CorruptValue(description: "the new vector index \(id) is missing")
            }
            return created
        }
    }

    public func allProductIds() async throws -> [Int64] {
        try await read { connection in
            try await connection.rows("SELECT id FROM productos ORDER BY id", logger: logger)
                .map { try $0.value("id", as: Int64.self) }
        }
    }

    public func vectorFingerprints(index: Int64, productIds: [Int64]) async throws -> [Int64: String] {
        try await read { connection in
            let rows = try await connection.rows(
                """
                SELECT producto_id, huella FROM vectores_productos
                WHERE indice_id = \(index) AND vector IS NOT NULL AND producto_id = ANY(\(productIds))
                """, logger: logger)
            return Dictionary(
                try rows.map { (try $0.value("producto_id", as: Int64.self), try $0.value("huella", as: String.self)) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    @discardableResult
    public func storeVectors(index: Int64, _ vectors: [ProductVector], deleted: [Int64]) async throws -> Int {
        try await transaction { connection in
            guard
                let info = try await Self.fetchIndexes(
                    connection, "WHERE id = \(index) AND estado IN ('activo', 'construyendo') FOR UPDATE", logger
                ).first
            else { return 0 }
            let generation = info.generation + 1
            let current = try await connection.rows(
                "SELECT \(unescaped: Self.productColumns) FROM productos WHERE id = ANY(\(vectors.map(\.productId)))",
                logger: logger
            ).map(Product.init(postgres:))
            var written = 0
            for entry in try VectorWrites.current(vectors, products: current, dimension: info.dimension) {
                try await connection.execute(
                    """
                    INSERT INTO vectores_productos (indice_id, producto_id, huella, vector, generacion)
                    VALUES (\(index), \(entry.productId), \(entry.fingerprint), \(VectorBlob.encode(entry.vector)),
                            \(generation))
                    ON CONFLICT (indice_id, producto_id) DO UPDATE SET
                        huella = excluded.huella, vector = excluded.vector, generacion = excluded.generacion
                    """, logger: logger)
                written += 1
            }
            if !deleted.isEmpty {
                let cleared = try await connection.rows(
                    """
                    UPDATE vectores_productos SET vector = NULL, huella = '', generacion = \(generation)
                    WHERE indice_id = \(index) AND producto_id = ANY(\(deleted)) AND vector IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM productos p WHERE p.id = vectores_productos.producto_id)
                    RETURNING producto_id
                    """, logger: logger)
                written += cleared.count
            }
            if written > 0 {
                try await connection.execute(
                    "UPDATE indices_vectores SET generacion = \(generation) WHERE id = \(index)", logger: logger)
            }
            return written
        }
    }

    public func vectorProgress(index: Int64) async throws -> (done: Int, total: Int) {
        try await read { connection in
            let row = try await connection.row(
                """
                SELECT (SELECT COUNT(*) FROM vectores_productos v JOIN productos p ON p.id = v.producto_id
                        WHERE v.indice_id = \(index) AND v.vector IS NOT NULL) AS hechos,
                       (SELECT COUNT(*) FROM productos) AS total
                """, logger: logger)
            return (try row?.value("hechos", as: Int.self) ?? 0, try row?.value("total", as: Int.self) ?? 0)
        }
    }

    @discardableResult
    public func activateIfComplete(index: Int64) async throws -> Bool {
        try await transaction { connection in
            try await connection.execute("LOCK TABLE indices_vectores IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            guard let info = try await Self.fetchIndexes(connection, "WHERE id = \(index)", logger).first else {
                return false
            }
            if info.state == .active { return true }
            guard info.state == .building else { return false }
            let missing = try await connection.row(
                """
                SELECT COUNT(*) AS n FROM productos p WHERE NOT EXISTS (
                    SELECT 1 FROM vectores_productos v
                    WHERE v.indice_id = \(index) AND v.producto_id = p.id AND v.vector IS NOT NULL)
                """, logger: logger)
            guard try missing?.value("n", as: Int.self) == 0 else { return false }
            try await connection.execute(
                "UPDATE indices_vectores SET estado = 'retirado' WHERE estado = 'activo'", logger: logger)
            try await connection.execute(
                """
                UPDATE indices_vectores SET estado = 'activo', activado = \(Date()), generacion = generacion + 1
                WHERE id = \(index)
                """, logger: logger)
            try await connection.execute("DELETE FROM indices_vectores WHERE estado = 'retirado'", logger: logger)
            return true
        }
    }

    /// Read in one REPEATABLE READ snapshot, so the index row and its vectors agree.
    public func activeVectorChanges(knownIndex indexId: Int64?, since generation: Int64) async throws -> VectorChanges?
    {
        try await transaction { connection in
            try await connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            guard let info = try await Self.fetchIndexes(connection, "WHERE estado = 'activo'", logger).first else {
                return nil
            }
            let full = info.id != indexId
            if !full, info.generation == generation { return VectorChanges(index: info, rows: []) }
            let query: PostgresQuery =
                full
                ? "SELECT producto_id, vector FROM vectores_productos WHERE indice_id = \(info.id) AND vector IS NOT NULL"
                : "SELECT producto_id, vector FROM vectores_productos WHERE indice_id = \(info.id) AND generacion > \(generation)"
            var rows: [(productId: Int64, vector: [Float]?)] = []
            for try await row in try await connection.query(query, logger: logger) {
                let (id, blob) = try row.decode((Int64, Data?).self)
                rows.append((id, blob.map(VectorBlob.decode)))
            }
            return VectorChanges(index: info, rows: rows)
        }
    }

    public func orphanVectors(index: Int64) async throws -> [Int64] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT producto_id FROM vectores_productos
                WHERE indice_id = \(index) AND vector IS NOT NULL AND producto_id NOT IN (SELECT id FROM productos)
                """, logger: logger
            ).map { try $0.value("producto_id", as: Int64.self) }
        }
    }

    static func fetchIndexes(_ connection: PostgresConnection, _ clause: PostgresQuery, _ logger: Logger)
        async throws -> [VectorIndexInfo]
    {
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(indexColumns) FROM indices_vectores " + clause.sql, binds: clause.binds)
        return try await connection.rows(query, logger: logger).map { row in
            VectorIndexInfo(
                id: try row.value("id"), model: try row.value("modelo"), dimension: try row.value("dimension"),
                state: VectorIndexInfo.State(rawValue: try row.value("estado")) ?? .retired,
                generation: try row.value("generacion"), job: try row.value("trabajo"), total: try row.value("total"))
        }
    }
}
