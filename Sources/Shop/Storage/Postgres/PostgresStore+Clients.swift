import Foundation
import PostgresNIO
import SpanishText

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

    static func fetchClient(_ connection: PostgresConnection, idNumber: String, logger: Logger) async throws -> Client?
    {
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
            INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, creado, actualizado,
                                  nombre_plegado)
            VALUES (\(details.idNumber), \(details.name), \(details.phone), \(details.email), \(details.address),
                    \(details.neighborhood), \(details.notes), \(now), \(now), \(TextFold.fold(details.name)))
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
                                      actualizado, nombre_plegado)
                VALUES (\(details.idNumber), \(details.name), \(details.phone), \(details.email), \(details.address),
                        \(details.neighborhood), \(details.notes), \(now), \(now), \(TextFold.fold(details.name)))
                ON CONFLICT (cedula) DO UPDATE SET
                    nombre = excluded.nombre, nombre_plegado = excluded.nombre_plegado,
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

    public func createClient(_ details: ClientDetails) async throws -> Client {
        let details = try details.validated()
        let conflict = StoreError.conflict("Ya existe un cliente con la cédula \(details.idNumber).")
        do {
            return try await transaction { connection in
                if try await Self.fetchClient(connection, idNumber: details.idNumber, logger: logger) != nil {
                    throw conflict
                }
                return try await Self.upsertClient(connection, details, now: Date(), logger: logger)
            }
        } catch  where PostgresFailure.isUniqueViolation(error) {
            throw conflict
        }
    }

    public func updateClient(idNumber: String, _ details: ClientDetails) async throws -> Client {
        let (idNumber, details) = try ClientRules.update(idNumber: idNumber, details)
        return try await transaction { connection in
            guard
                let row = try await connection.row(
                    """
                    UPDATE clientes SET nombre = \(details.name), telefono = \(details.phone), correo = \(details.email),
                        direccion = \(details.address), barrio = \(details.neighborhood), indicaciones = \(details.notes),
                        actualizado = \(Date()), nombre_plegado = \(TextFold.fold(details.name))
                    WHERE cedula = \(idNumber)
                    RETURNING \(unescaped: Self.clientColumns)
                    """, logger: logger)
            else { throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber) }
            return try Client(postgres: row)
        }
    }

    public func deleteClient(idNumber: String) async throws -> ClientDeletion {
        let idNumber = try Validation.idNumber(idNumber)
        return try await transaction { connection in
            guard
                try await connection.row(
                    "SELECT cedula FROM clientes WHERE cedula = \(idNumber) FOR UPDATE", logger: logger) != nil
            else { throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber) }
            let orders = try await connection.row(
                "SELECT EXISTS (SELECT 1 FROM pedidos WHERE cedula = \(idNumber)) AS has", logger: logger)
            if try orders?.value("has", as: Bool.self) == true {
                try await connection.execute(
                    "UPDATE clientes SET activo = FALSE, actualizado = \(Date()) WHERE cedula = \(idNumber)",
                    logger: logger)
                return .retired
            }
            try await connection.execute("DELETE FROM clientes WHERE cedula = \(idNumber)", logger: logger)
            return .deleted
        }
    }

    public func setClientActive(idNumber: String, active: Bool) async throws -> Client {
        let idNumber = try Validation.idNumber(idNumber)
        return try await transaction { connection in
            try await connection.execute(
                """
                UPDATE clientes SET activo = \(active), actualizado = \(Date())
                WHERE cedula = \(idNumber) AND activo != \(active)
                """, logger: logger)
            guard let client = try await Self.fetchClient(connection, idNumber: idNumber, logger: logger) else {
                throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber)
            }
            return client
        }
    }

    public func searchClients(q: String, limit: Int?, offset: Int?) async throws -> Page<Client> {
        let paging = Paging(limit: limit, offset: offset)
        let query = q.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = ClientRules.searchDigits(query)
        var matches: [String] = []
        var binds = PostgresBindings()
        func add(_ column: String, _ pattern: String) throws {
            try binds.append(pattern)
            matches.append("\(column) LIKE $\(binds.count) ESCAPE '\\'")
        }
        if !query.isEmpty {
            try add("nombre_plegado", SearchFunctions.containsPattern(TextFold.fold(query)))
            try add("correo", SearchFunctions.containsPattern(query.lowercased()))
        }
        if !digits.isEmpty {
            try add("cedula", SearchFunctions.containsPattern(digits))
            try add("telefono", SearchFunctions.containsPattern(digits))
        }
        let filter = matches.isEmpty ? "" : "WHERE " + matches.joined(separator: " OR ")
        let count = PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n FROM clientes \(filter)", binds: binds)
        binds.append(digits)
        try binds.append(paging.limit)
        try binds.append(paging.offset)
        let n = binds.count
        let page = PostgresQuery(
            unsafeSQL: """
                SELECT \(Self.clientColumns) FROM clientes \(filter)
                ORDER BY cedula = $\(n - 2) DESC, nombre_plegado COLLATE "C", cedula
                LIMIT $\(n - 1) OFFSET $\(n)
                """, binds: binds)
        return try await read { connection in
            let total = try await connection.row(count, logger: logger)?.value("n", as: Int.self) ?? 0
            let clients = try await connection.rows(page, logger: logger).map(Client.init(postgres:))
            return Page(results: clients, total: total, limit: paging.limit, offset: paging.offset)
        }
    }

    public func clientOrders(idNumber: String, limit: Int?, offset: Int?) async throws -> Page<Order> {
        let idNumber = try Validation.idNumber(idNumber)
        guard try await client(idNumber: idNumber) != nil else {
            throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber)
        }
        return try await listOrders(OrderFilter(idNumber: idNumber), limit: limit, offset: offset)
    }
}
