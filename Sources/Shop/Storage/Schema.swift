import GRDB

/// The schema, as named append-only migrations. Never edit a shipped migration: add a new one.
/// Constraints here are the real guardians of the invariants (stock ≥ 0, quantities > 0,
/// known states, one idempotency key per order, one active company text).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-catalogo", migrate: createCatalog)
        migrator.registerMigration("v1-clientes", migrate: createClients)
        migrator.registerMigration("v1-pedidos", migrate: createOrders)
        migrator.registerMigration("v1-mensajes", migrate: createMessages)
        migrator.registerMigration("v1-contexto-empresa", migrate: createCompanyContext)
        migrator.registerMigration("v1-chat-control", migrate: createChatControl)
        migrator.registerMigration("v2-busqueda-productos", migrate: createProductSearch)
        migrator.registerMigration("v2-canales-http", migrate: createHTTPChannels)
        migrator.registerMigration("v2-dialogo", migrate: createDialogue)
        migrator.registerMigration("v2-vectores", migrate: createVectorIndexes)
        migrator.registerMigration("v3-estados", migrate: addStates)
        migrator.registerMigration("v3-importacion-legado", migrate: createLegacyImport)
        migrator.registerMigration("v3-chats-por-canal", migrate: scopeHTTPChats)
        migrator.registerMigration("v4-consola", migrate: createConsole)
        migrator.registerMigration("v5-blobs", migrate: createBlobs)
        migrator.registerMigration("v6-version-catalogo", migrate: createCatalogVersion)
        return migrator
    }

    private static func createCatalog(_ db: Database) throws {
        try db.create(table: "productos") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("nombre", .text).notNull().check(sql: "length(trim(nombre)) BETWEEN 1 AND 120")
            t.column("descripcion", .text).notNull().defaults(to: "")
            t.column("precio", .integer).notNull().check(sql: "typeof(precio) = 'integer' AND precio >= 0")
            t.column("stock", .integer).notNull().check(sql: "typeof(stock) = 'integer' AND stock >= 0")
            t.column("activo", .boolean).notNull().defaults(to: true).check(sql: "activo IN (0, 1)")
            t.column("categoria", .text).notNull().defaults(to: Product.defaultCategory)
            t.column("actualizado", .datetime).notNull()
        }
        try db.create(index: "productos_categoria", on: "productos", columns: ["categoria"])
    }

    private static func createClients(_ db: Database) throws {
        try db.create(table: "clientes") { t in
            t.primaryKey("cedula", .text).notNull()
                .check(sql: "length(cedula) BETWEEN 6 AND 10 AND cedula NOT GLOB '*[^0-9]*'")
            t.column("nombre", .text).notNull().check(sql: "length(trim(nombre)) BETWEEN 1 AND 120")
            t.column("telefono", .text).check(sql: "telefono NOT GLOB '*[^0-9]*'")
            t.column("correo", .text).check(sql: "correo LIKE '%_@_%._%'")
            t.column("direccion", .text)
            t.column("barrio", .text)
            t.column("indicaciones", .text)
            t.column("pedidos_count", .integer).notNull().defaults(to: 0).check(sql: "pedidos_count >= 0")
            t.column("total_comprado", .integer).notNull().defaults(to: 0).check(sql: "total_comprado >= 0")
            t.column("ultima_compra", .datetime)
            t.column("creado", .datetime).notNull()
            t.column("actualizado", .datetime).notNull()
        }
        try db.create(index: "clientes_telefono", on: "clientes", columns: ["telefono"])
        try db.create(index: "clientes_correo", on: "clientes", columns: ["correo"])
    }

    private static func createOrders(_ db: Database) throws {
        let states = OrderState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.create(table: "pedidos") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("idempotency_key", .text).notNull().unique()
                .check(sql: "length(idempotency_key) BETWEEN 1 AND 200")
            t.column("chat_id", .text)
            t.column("cedula", .text).notNull().indexed()
                .references("clientes", onDelete: .restrict, onUpdate: .cascade)
            t.column("estado", .text).notNull().defaults(to: OrderState.pending.rawValue)
                .check(sql: "estado IN (\(states))")
            t.column("total", .integer).notNull().check(sql: "typeof(total) = 'integer' AND total >= 0")
            // The client's data as given for this order: where this order must be delivered.
            t.column("cliente_nombre", .text).notNull()
            t.column("telefono", .text)
            t.column("correo", .text)
            t.column("direccion", .text)
            t.column("barrio", .text)
            t.column("indicaciones", .text)
            t.column("creado", .datetime).notNull()
            t.column("actualizado", .datetime).notNull()
        }
        try db.create(index: "pedidos_chat_id", on: "pedidos", columns: ["chat_id"])
        try db.create(index: "pedidos_creado", on: "pedidos", columns: ["creado"])
        try db.create(index: "pedidos_estado", on: "pedidos", columns: ["estado"])

        try db.create(table: "pedido_items") { t in
            t.column("pedido_id", .integer).notNull().references("pedidos", onDelete: .cascade)
            t.column("posicion", .integer).notNull().check(sql: "posicion >= 1")
            t.column("producto_id", .integer).notNull().indexed().references("productos", onDelete: .restrict)
            t.column("nombre", .text).notNull()
            t.column("cantidad", .integer).notNull().check(sql: "typeof(cantidad) = 'integer' AND cantidad > 0")
            t.column("precio_unitario", .integer).notNull().check(sql: "precio_unitario >= 0")
            t.column("subtotal", .integer).notNull().check(sql: "subtotal = cantidad * precio_unitario")
            t.primaryKey(["pedido_id", "posicion"])
            t.uniqueKey(["pedido_id", "producto_id"])
        }
    }

    private static func createMessages(_ db: Database) throws {
        let senders = Sender.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let kinds = MessageKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.create(table: "mensajes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("chat_id", .text).notNull().check(sql: "length(chat_id) BETWEEN 1 AND 200")
            t.column("remitente", .text).notNull().check(sql: "remitente IN (\(senders))")
            t.column("tipo", .text).notNull().defaults(to: MessageKind.text.rawValue).check(sql: "tipo IN (\(kinds))")
            t.column("contenido", .text).notNull()
            t.column("metadata", .text).check(sql: "metadata IS NULL OR json_valid(metadata)")
            t.column("creado", .datetime).notNull()
        }
        try db.create(index: "mensajes_chat_id", on: "mensajes", columns: ["chat_id", "id"])
    }

    private static func createCompanyContext(_ db: Database) throws {
        try db.create(table: "contexto_empresa") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("version", .integer).notNull().unique().check(sql: "version >= 1")
            t.column("contenido", .text).notNull().check(sql: "length(trim(contenido)) > 0")
            t.column("activo", .boolean).notNull().defaults(to: false).check(sql: "activo IN (0, 1)")
            t.column("creado", .datetime).notNull()
        }
        // At most one active version; replaceCompanyContext keeps it exactly one.
        try db.create(
            index: "contexto_empresa_un_activo", on: "contexto_empresa", columns: ["activo"], options: .unique,
            condition: Column("activo") == true)
    }

    private static func createChatControl(_ db: Database) throws {
        try db.create(table: "chat_control") { t in
            t.primaryKey("chat_id", .text).notNull()
            t.column("ia_activa", .boolean).notNull().defaults(to: true).check(sql: "ia_activa IN (0, 1)")
            t.column("canal", .text)
            t.column("actualizado", .datetime).notNull()
        }
    }

    /// Products can be discontinued (never offered again, kept for old orders; always
    /// inactive) and clients retired (kept with their history, not offered at checkout).
    private static func addStates(_ db: Database) throws {
        try db.alter(table: "productos") { t in
            t.add(column: "descontinuado", .boolean).notNull().defaults(to: false)
                .check(sql: "descontinuado IN (0, 1)")
        }
        try db.alter(table: "clientes") { t in
            t.add(column: "activo", .boolean).notNull().defaults(to: true).check(sql: "activo IN (0, 1)")
        }
        // A discontinued product is never active, whoever writes it.
        try db.execute(
            sql: """
                CREATE TRIGGER productos_descontinuado_inactivo_insert BEFORE INSERT ON productos
                WHEN NEW.descontinuado = 1 AND NEW.activo = 1
                BEGIN SELECT RAISE(ABORT, 'un producto descontinuado no puede estar activo'); END;
                CREATE TRIGGER productos_descontinuado_inactivo_update BEFORE UPDATE ON productos
                WHEN NEW.descontinuado = 1 AND NEW.activo = 1
                BEGIN SELECT RAISE(ABORT, 'un producto descontinuado no puede estar activo'); END;
                """)
    }

    /// What `import-legacy` brought from the old system: the old record's key and the new
    /// one's, per table, so a second run recognises what it already imported.
    private static func createLegacyImport(_ db: Database) throws {
        try db.create(table: "importacion_legado") { t in
            t.column("tabla", .text).notNull()
            t.column("id_legado", .text).notNull()
            t.column("id_nuevo", .text).notNull()
            t.column("importado", .datetime).notNull()
            t.primaryKey(["tabla", "id_legado"])
        }
    }
}
