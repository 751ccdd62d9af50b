import Foundation
import Logging
import PostgresNIO
import SpanishText

// `import-legacy` on PostgreSQL: the whole import is one transaction on one connection.
extension PostgresStore {
    public func withLegacyImport<T: Sendable>(_ body: (any LegacyImportTransaction) async throws -> T) async throws
        -> T
    {
        try await transaction { connection in
            try await body(PostgresLegacyImport(connection: connection, logger: logger))
        }
    }
}

/// The legacy import's statements on its connection, inside its transaction.
struct PostgresLegacyImport: LegacyImportTransaction {
    let connection: PostgresConnection
    let logger: Logger

    func alreadyImported(_ table: String, _ legacyId: String) async throws -> Bool {
        try await connection.row(
            "SELECT 1 AS si FROM importacion_legado WHERE tabla = \(table) AND id_legado = \(legacyId)",
            logger: logger) != nil
    }

    func recordImport(_ table: String, _ legacyId: String, as newId: String, at now: Date) async throws {
        try await connection.execute(
            """
            INSERT INTO importacion_legado (tabla, id_legado, id_nuevo, importado)
            VALUES (\(table), \(legacyId), \(newId), \(now))
            """, logger: logger)
    }

    func product(id: Int64) async throws -> Product? {
        try await PostgresStore.fetchProduct(connection, id: id, logger: logger)
    }

    func saveProduct(_ product: Product, now: Date) async throws {
        try await PostgresStore.saveProduct(connection, product, now: now, logger: logger)
        try await PostgresStore.advanceProductIds(connection, logger: logger)
    }

    func client(idNumber: String) async throws -> Client? {
        try await PostgresStore.fetchClient(connection, idNumber: idNumber, logger: logger)
    }

    func saveClient(_ details: ClientDetails, active: Bool, registered: Date, now: Date) async throws {
        try await connection.execute(
            """
            INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, activo, creado,
                                  actualizado, nombre_plegado)
            VALUES (\(details.idNumber), \(details.name), \(details.phone), \(details.email), \(details.address),
                    \(details.neighborhood), \(details.notes), \(active), \(registered), \(now),
                    \(TextFold.fold(details.name)))
            ON CONFLICT (cedula) DO UPDATE SET
                nombre = excluded.nombre, telefono = excluded.telefono, correo = excluded.correo,
                direccion = excluded.direccion, barrio = excluded.barrio, indicaciones = excluded.indicaciones,
                activo = excluded.activo, actualizado = excluded.actualizado, nombre_plegado = excluded.nombre_plegado
            """, logger: logger)
    }

    func insertMessage(_ message: LegacyMessage) async throws -> Int64 {
        let row = try await connection.row(
            """
            INSERT INTO mensajes (chat_id, remitente, tipo, contenido, metadata, creado)
            VALUES (\(message.chatId), \(message.sender.rawValue), \(MessageKind.text.rawValue), \(message.content),
                    CAST(\(message.metadata) AS jsonb), \(message.created))
            RETURNING id
            """, logger: logger)
        guard let id = try row?.value("id", as: Int64.self) else {
            throw CorruptValue(description: "INSERT INTO mensajes returned no row")
        }
        return id
    }

    func adoptChats(_ chatIds: [String], channel: Channel, owner: String?, now: Date) async throws {
        guard !chatIds.isEmpty else { return }
        try await connection.execute(
            """
            INSERT INTO chat_control (chat_id, ia_activa, canal, propietario, actualizado)
            SELECT chat, TRUE, \(channel.rawValue), \(owner), \(now) FROM unnest(\(chatIds)::text[]) AS chat
            ON CONFLICT (chat_id) DO NOTHING
            """, logger: logger)
    }

    func activeCompanyContext() async throws -> CompanyContext? {
        try await connection.row(
            "SELECT \(unescaped: PostgresStore.companyColumns) FROM contexto_empresa WHERE activo", logger: logger
        ).map(CompanyContext.init(postgres:))
    }

    func insertCompanyContext(_ content: String) async throws -> CompanyContext {
        try await PostgresStore.insertCompanyContext(connection, content, logger: logger)
    }

    func aiActive(chatId: String) async throws -> Bool? {
        try await connection.row(
            "SELECT ia_activa FROM chat_control WHERE chat_id = \(chatId)", logger: logger
        )?.value("ia_activa", as: Bool.self)
    }

    func setAIActive(chatId: String, active: Bool, now: Date) async throws {
        try await connection.execute(
            """
            INSERT INTO chat_control (chat_id, ia_activa, actualizado) VALUES (\(chatId), \(active), \(now))
            ON CONFLICT (chat_id) DO UPDATE SET ia_activa = excluded.ia_activa, actualizado = excluded.actualizado
            """, logger: logger)
    }

    func insertOrder(_ order: LegacyOrder) async throws -> Int64 {
        let client = order.client
        let row = try await connection.row(
            """
            INSERT INTO pedidos (idempotency_key, chat_id, cedula, estado, total, cliente_nombre, telefono, correo,
                                 direccion, barrio, indicaciones, creado, actualizado)
            VALUES (\(order.key), \(order.chatId), \(client.idNumber), \(order.state.rawValue), \(order.total),
                    \(client.name), \(client.phone), \(client.email), \(client.address), \(client.neighborhood),
                    \(client.notes), \(order.created), \(order.created))
            RETURNING id
            """, logger: logger)
        guard let orderId = try row?.value("id", as: Int64.self) else {
            throw CorruptValue(description: "INSERT INTO pedidos returned no row")
        }
        for (position, line) in order.lines.enumerated() {
            try await connection.execute(
                """
                INSERT INTO pedido_items (pedido_id, posicion, producto_id, nombre, cantidad, precio_unitario, subtotal)
                VALUES (\(orderId), \(position + 1), \(line.productId), \(line.name), \(line.quantity),
                        \(line.unitPrice), \(line.subtotal))
                """, logger: logger)
        }
        return orderId
    }

    func recomputeClientFigures(_ idNumbers: [String]) async throws {
        guard !idNumbers.isEmpty else { return }
        try await connection.execute(
            """
            UPDATE clientes SET pedidos_count = f.n, total_comprado = f.suma, ultima_compra = f.ultima
            FROM (SELECT c.cedula, COUNT(p.id) AS n, COALESCE(SUM(p.total), 0) AS suma, MAX(p.creado) AS ultima
                  FROM unnest(\(idNumbers)::text[]) AS c (cedula)
                  LEFT JOIN pedidos p ON p.cedula = c.cedula AND p.estado != 'cancelado'
                  GROUP BY c.cedula) AS f
            WHERE clientes.cedula = f.cedula
            """, logger: logger)
    }
}
