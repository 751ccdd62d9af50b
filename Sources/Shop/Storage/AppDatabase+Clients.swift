import Foundation
import GRDB
import SpanishText

/// What `deleteClient` did: a client with orders is retired, not deleted.
public enum ClientDeletion: String, Codable, Sendable {
    case deleted = "eliminado"
    case retired = "retirado"
}

// Clients, keyed by cédula (stored as digits only).
extension AppDatabase {
    /// The client with this cédula ("1.234.567" and "1234567" are the same), or nil.
    public func client(idNumber: String) throws -> Client? {
        let idNumber = try Validation.idNumber(idNumber)
        return try pool.read { db in try Self.fetchClient(db, idNumber: idNumber) }
    }

    /// Adds a client; throws `StoreError.conflict` when the cédula is already registered.
    public func createClient(_ details: ClientDetails) throws -> Client {
        let details = try details.validated()
        return try pool.write { db in
            if try Self.fetchClient(db, idNumber: details.idNumber) != nil {
                throw StoreError.conflict("Ya existe un cliente con la cédula \(details.idNumber).")
            }
            return try Self.upsertClient(db, details, now: Date())
        }
    }

    /// Replaces a client's contact data (absent optional fields are cleared). The cédula in
    /// `datos` must be the client's own: a cédula is never changed.
    public func updateClient(idNumber: String, _ details: ClientDetails) throws -> Client {
        let (idNumber, details) = try ClientRules.update(idNumber: idNumber, details)
        return try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE clientes SET nombre = ?, telefono = ?, correo = ?, direccion = ?, barrio = ?,
                        indicaciones = ?, actualizado = ?
                    WHERE cedula = ?
                    """,
                arguments: [
                    details.name, details.phone, details.email, details.address, details.neighborhood, details.notes,
                    Date(), idNumber,
                ])
            guard db.changesCount == 1 else {
                throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber)
            }
            return try Self.fetchClient(db, idNumber: idNumber)!
        }
    }

    /// Creates the client or merges new data into the stored record (fields left empty keep
    /// their stored value).
    public func upsertClient(_ details: ClientDetails) throws -> Client {
        let details = try details.validated()
        return try pool.write { db in try Self.upsertClient(db, details, now: Date()) }
    }

    /// Deletes a client without orders; a client with orders is retired instead (kept with
    /// its history, not offered at checkout).
    public func deleteClient(idNumber: String) throws -> ClientDeletion {
        let idNumber = try Validation.idNumber(idNumber)
        return try pool.write { db in
            guard try Self.fetchClient(db, idNumber: idNumber) != nil else {
                throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber)
            }
            let orders = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM pedidos WHERE cedula = ?", arguments: [idNumber])
            if let orders, orders > 0 {
                try db.execute(
                    sql: "UPDATE clientes SET activo = 0, actualizado = ? WHERE cedula = ?",
                    arguments: [Date(), idNumber])
                return .retired
            }
            try db.execute(sql: "DELETE FROM clientes WHERE cedula = ?", arguments: [idNumber])
            return .deleted
        }
    }

    /// Retires a client (`false`) or brings one back (`true`).
    public func setClientActive(idNumber: String, active: Bool) throws -> Client {
        let idNumber = try Validation.idNumber(idNumber)
        return try pool.write { db in
            try db.execute(
                sql: "UPDATE clientes SET activo = ?, actualizado = ? WHERE cedula = ? AND activo != ?",
                arguments: [active, Date(), idNumber, active])
            guard let client = try Self.fetchClient(db, idNumber: idNumber) else {
                throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber)
            }
            return client
        }
    }

    /// Every client, by name.
    public func listClients(limit: Int? = nil, offset: Int? = nil) throws -> Page<Client> {
        try searchClients(q: "", limit: limit, offset: offset)
    }

    /// Clients whose name (ignoring case and accents), e-mail, phone or cédula contains `q`.
    /// An exact cédula match comes first, then by name. A blank `q` lists everyone.
    public func searchClients(q: String, limit: Int? = nil, offset: Int? = nil) throws -> Page<Client> {
        let paging = Paging(limit: limit, offset: offset)
        let query = q.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = ClientRules.searchDigits(query)
        var matches: [SQL] = []
        if !query.isEmpty {
            matches.append("pliegue(nombre) LIKE \(SearchFunctions.containsPattern(TextFold.fold(query))) ESCAPE '\\'")
            matches.append("correo LIKE \(SearchFunctions.containsPattern(query.lowercased())) ESCAPE '\\'")
        }
        if !digits.isEmpty {
            matches.append("cedula LIKE \(SearchFunctions.containsPattern(digits))")
            matches.append("telefono LIKE \(SearchFunctions.containsPattern(digits))")
        }
        let filter: SQL = matches.isEmpty ? "" : "WHERE \(literal: matches.joined(separator: " OR "))"
        return try pool.read { db in
            let total = try SQLRequest<Int>(literal: "SELECT COUNT(*) FROM clientes \(literal: filter)").fetchOne(db)
            let clients = try SQLRequest<Client>(
                literal: """
                    SELECT * FROM clientes \(literal: filter)
                    ORDER BY cedula = \(digits) DESC, pliegue(nombre), cedula
                    LIMIT \(paging.limit) OFFSET \(paging.offset)
                    """
            ).fetchAll(db)
            return Page(results: clients, total: total ?? 0, limit: paging.limit, offset: paging.offset)
        }
    }

    /// A client's orders, newest first; `StoreError.notFound` for an unknown cédula.
    public func clientOrders(idNumber: String, limit: Int? = nil, offset: Int? = nil) throws -> Page<Order> {
        let idNumber = try Validation.idNumber(idNumber)
        let filter = try Self.orderFilter(OrderFilter(idNumber: idNumber))
        return try pool.read { db in
            guard try Self.fetchClient(db, idNumber: idNumber) != nil else {
                throw StoreError.notFound(resource: "el cliente con cédula", key: idNumber)
            }
            return try Self.fetchOrderPage(db, filter: filter, paging: Paging(limit: limit, offset: offset))
        }
    }

    static func fetchClient(_ db: Database, idNumber: String) throws -> Client? {
        try Client.fetchOne(db, sql: "SELECT * FROM clientes WHERE cedula = ?", arguments: [idNumber])
    }

    /// Inserts validated client data, or merges it into the stored record.
    static func upsertClient(_ db: Database, _ details: ClientDetails, now: Date) throws -> Client {
        try db.execute(
            sql: """
                INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, creado, actualizado)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(cedula) DO UPDATE SET
                    nombre = excluded.nombre,
                    telefono = COALESCE(excluded.telefono, clientes.telefono),
                    correo = COALESCE(excluded.correo, clientes.correo),
                    direccion = COALESCE(excluded.direccion, clientes.direccion),
                    barrio = COALESCE(excluded.barrio, clientes.barrio),
                    indicaciones = COALESCE(excluded.indicaciones, clientes.indicaciones),
                    actualizado = excluded.actualizado
                """,
            arguments: [
                details.idNumber, details.name, details.phone, details.email, details.address, details.neighborhood,
                details.notes, now, now,
            ])
        return try fetchClient(db, idNumber: details.idNumber)!
    }
}

extension AppDatabase {
    /// Registers a client under a new cédula; a stored client is left as it is.
    static func insertClientIfNew(_ db: Database, _ details: ClientDetails, now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, creado, actualizado)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(cedula) DO NOTHING
                """,
            arguments: [
                details.idNumber, details.name, details.phone, details.email, details.address, details.neighborhood,
                details.notes, now, now,
            ])
    }
}

extension Client: FetchableRecord {
    public init(row: Row) throws {
        let details = ClientDetails(
            idNumber: row["cedula"], name: row["nombre"], phone: row["telefono"], email: row["correo"],
            address: row["direccion"], neighborhood: row["barrio"], notes: row["indicaciones"])
        self.init(
            details: details, orderCount: row["pedidos_count"], totalBought: row["total_comprado"],
            lastPurchase: row["ultima_compra"], active: row["activo"] ?? true, created: row["creado"],
            updated: row["actualizado"])
    }
}
