import Foundation
import PostgresNIO

// Clients on PostgreSQL, keyed by cédula (digits only).
extension PostgresStore {
    static let clientColumns = """
        cedula, nombre, telefono, correo, direccion, barrio, indicaciones, pedidos_count, total_comprado,
        ultima_compra, activo, creado, actualizado
        """

    public func client(idNumber: String) async throws -> Client? {
        let idNumber = try Validation.idNumber(idNumber)
        return try await read { try await Self.fetchClient($0, idNumber: idNumber, logger: logger) }
    }

    public func upsertClient(_ details: ClientDetails) async throws -> Client {
        let details = try details.validated()
        return try await transaction { try await Self.upsertClient($0, details, now: Date(), logger: logger) }
    }

    static func fetchClient(_ connection: PostgresConnection, idNumber: String, logger: Logger) async throws -> Client? {
        try await connection.row(
            "SELECT \(unescaped: clientColumns) FROM clientes WHERE cedula = \(idNumber)", logger: logger
        ).map(Client.init(postgres:))
    }

    /// Registers a new cédula; a stored client's record is left untouched.
    static func insertClientIfNew(_ connection: PostgresConnection, _ details: ClientDetails, now: Date, logger: Logger)
        async throws
    {
        try await connection.execute(
            """
            INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, creado, actualizado)
            VALUES (\(details.idNumber), \(details.name), \(details.phone), \(details.email), \(details.address),
                    \(details.neighborhood), \(details.notes), \(now), \(now))
            ON CONFLICT (cedula) DO NOTHING
            """, logger: logger)
    }

    /// Inserts validated client data, or merges it into the stored record (absent fields
    /// keep their stored value).
    static func upsertClient(_ connection: PostgresConnection, _ details: ClientDetails, now: Date, logger: Logger)
        async throws -> Client
    {
        guard
            let row = try await connection.row(
                """
                INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, creado,
                                      actualizado)
                VALUES (\(details.idNumber), \(details.name), \(details.phone), \(details.email), \(details.address),
                        \(details.neighborhood), \(details.notes), \(now), \(now))
                ON CONFLICT (cedula) DO UPDATE SET
                    nombre = excluded.nombre,
                    telefono = COALESCE(excluded.telefono, clientes.telefono),
                    correo = COALESCE(excluded.correo, clientes.correo),
                    direccion = COALESCE(excluded.direccion, clientes.direccion),
                    barrio = COALESCE(excluded.barrio, clientes.barrio),
                    indicaciones = COALESCE(excluded.indicaciones, clientes.indicaciones),
                    actualizado = excluded.actualizado
                RETURNING \(unescaped: clientColumns)
                """, logger: logger)
        else { throw CorruptValue(description: "upsert into clientes returned no row") }
        return try Client(postgres: row)
    }
}
