import Foundation
import GRDB

// Clients, keyed by cédula (stored as digits only).
extension AppDatabase {
    /// The client with this cédula ("1.234.567" and "1234567" are the same), or nil.
    public func client(cedula: String) throws -> Cliente? {
        let cedula = try Validation.cedula(cedula)
        return try pool.read { db in try Self.fetchClient(db, cedula: cedula) }
    }

    /// Adds a client; throws `StoreError.conflict` when the cédula is already registered.
    public func createClient(_ datos: ClienteDatos) throws -> Cliente {
        let datos = try datos.validated()
        return try pool.write { db in
            if try Self.fetchClient(db, cedula: datos.cedula) != nil {
                throw StoreError.conflict("Ya existe un cliente con la cédula \(datos.cedula).")
            }
            return try Self.upsertClient(db, datos, now: Date())
        }
    }

    /// Replaces a client's contact data (absent optional fields are cleared). The cédula in
    /// `datos` must be the client's own: a cédula is never changed.
    public func updateClient(cedula: String, _ datos: ClienteDatos) throws -> Cliente {
        let cedula = try Validation.cedula(cedula)
        let datos = try datos.validated()
        guard datos.cedula == cedula else {
            throw ValidationErrors([
                ValidationError(campo: "cedula", mensaje: "La cédula de un cliente no se puede cambiar.")
            ])
        }
        return try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE clientes SET nombre = ?, telefono = ?, correo = ?, direccion = ?, barrio = ?,
                        indicaciones = ?, actualizado = ?
                    WHERE cedula = ?
                    """,
                arguments: [
                    datos.nombre, datos.telefono, datos.correo, datos.direccion, datos.barrio, datos.indicaciones,
                    Date(), cedula,
                ])
            guard db.changesCount == 1 else {
                throw StoreError.notFound(recurso: "el cliente con cédula", clave: cedula)
            }
            return try Self.fetchClient(db, cedula: cedula)!
        }
    }

    /// Creates the client or merges new data into the stored record (fields left empty keep
    /// their stored value).
    public func upsertClient(_ datos: ClienteDatos) throws -> Cliente {
        let datos = try datos.validated()
        return try pool.write { db in try Self.upsertClient(db, datos, now: Date()) }
    }

    /// Deletes a client without orders; a client with orders is kept (`StoreError.conflict`).
    public func deleteClient(cedula: String) throws {
        let cedula = try Validation.cedula(cedula)
        try pool.write { db in
            guard try Self.fetchClient(db, cedula: cedula) != nil else {
                throw StoreError.notFound(recurso: "el cliente con cédula", clave: cedula)
            }
            let orders = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pedidos WHERE cedula = ?", arguments: [cedula])
            if let orders, orders > 0 {
                throw StoreError.conflict("El cliente \(cedula) tiene \(orders) pedido(s); no se puede eliminar.")
            }
            try db.execute(sql: "DELETE FROM clientes WHERE cedula = ?", arguments: [cedula])
        }
    }

    /// Every client, by name.
    public func listClients(limit: Int? = nil, offset: Int? = nil) throws -> Page<Cliente> {
        try buscarClientes(q: "", limit: limit, offset: offset)
    }

    /// Clients whose name (ignoring case and accents), e-mail, phone or cédula contains `q`.
    /// An exact cédula match comes first, then by name. A blank `q` lists everyone.
    public func buscarClientes(q: String, limit: Int? = nil, offset: Int? = nil) throws -> Page<Cliente> {
        let paging = Paging(limit: limit, offset: offset)
        let query = q.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = Self.searchDigits(query)
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
            let clientes = try SQLRequest<Cliente>(
                literal: """
                    SELECT * FROM clientes \(literal: filter)
                    ORDER BY cedula = \(digits) DESC, pliegue(nombre), cedula
                    LIMIT \(paging.limit) OFFSET \(paging.offset)
                    """
            ).fetchAll(db)
            return Page(resultados: clientes, total: total ?? 0, limit: paging.limit, offset: paging.offset)
        }
    }

    /// A client's orders, newest first; `StoreError.notFound` for an unknown cédula.
    public func clientOrders(cedula: String, limit: Int? = nil, offset: Int? = nil) throws -> Page<Pedido> {
        let cedula = try Validation.cedula(cedula)
        let filter = try Self.orderFilter(PedidoFiltro(cedula: cedula))
        return try pool.read { db in
            guard try Self.fetchClient(db, cedula: cedula) != nil else {
                throw StoreError.notFound(recurso: "el cliente con cédula", clave: cedula)
            }
            return try Self.fetchOrderPage(db, filter: filter, paging: Paging(limit: limit, offset: offset))
        }
    }

    /// The digits a phone or cédula search should look for: separators and a +57 prefix removed.
    static func searchDigits(_ query: String) -> String {
        let compact = query.filter { !$0.isWhitespace && !"-.()".contains($0) }
        guard !compact.isEmpty, compact.dropFirst(compact.hasPrefix("+") ? 1 : 0).allSatisfy(\.isASCIIDigit) else {
            return ""
        }
        if compact.hasPrefix("+57") { return String(compact.dropFirst(3)) }
        return compact.filter(\.isASCIIDigit)
    }

    static func fetchClient(_ db: Database, cedula: String) throws -> Cliente? {
        try Cliente.fetchOne(db, sql: "SELECT * FROM clientes WHERE cedula = ?", arguments: [cedula])
    }

    /// Inserts validated client data, or merges it into the stored record.
    static func upsertClient(_ db: Database, _ datos: ClienteDatos, now: Date) throws -> Cliente {
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
                datos.cedula, datos.nombre, datos.telefono, datos.correo, datos.direccion, datos.barrio,
                datos.indicaciones, now, now,
            ])
        return try fetchClient(db, cedula: datos.cedula)!
    }
}
