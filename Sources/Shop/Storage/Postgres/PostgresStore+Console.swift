import Foundation
import PostgresNIO

// The staff console on PostgreSQL: its users, the audit log and the inbox (`conversaciones`,
// kept by the trigger `mensajes_conversacion`, with per-user read marks).
extension PostgresStore {
    static let staffUserColumns = "id, nombre, rol, clave_hash, activo, creado"

    // MARK: StaffUserStore

    public func createStaffUser(name: String, role: Role, passwordHash: String) async throws -> StaffUser {
        let name = try StaffUserRules.new(name: name, role: role)
        do {
            return try await transaction { connection in
                let now = Date()
                guard
                    let row = try await connection.row(
                        """
                        INSERT INTO usuarios (nombre, rol, clave_hash, activo, creado, actualizado)
                        VALUES (\(name), \(role.rawValue), \(passwordHash), TRUE, \(now), \(now))
                        RETURNING \(unescaped: Self.staffUserColumns)
                        """, logger: logger)
                else { throw CorruptValue(description: "INSERT INTO usuarios returned no row") }
                return try StaffUser(postgres: row)
            }
        } catch  where PostgresFailure.isUniqueViolation(error) {
            throw StaffUserRules.conflict(name)
        }
    }

    public func staffUser(name: String) async throws -> StaffUser? {
        try await read { connection in
            try await connection.row(
                """
                SELECT \(unescaped: Self.staffUserColumns) FROM usuarios WHERE lower(nombre) = lower(\(name))
                """, logger: logger
            ).map(StaffUser.init(postgres:))
        }
    }

    public func staffUser(id: Int64) async throws -> StaffUser? {
        try await read { connection in
            try await connection.row(
                "SELECT \(unescaped: Self.staffUserColumns) FROM usuarios WHERE id = \(id)", logger: logger
            ).map(StaffUser.init(postgres:))
        }
    }

    public func staffUsers() async throws -> [StaffUser] {
        try await read { connection in
            try await connection.rows(
                "SELECT \(unescaped: Self.staffUserColumns) FROM usuarios ORDER BY lower(nombre), id", logger: logger
            ).map(StaffUser.init(postgres:))
        }
    }

    @discardableResult
    public func setStaffUserActive(name: String, active: Bool) async throws -> StaffUser {
        try await transaction { connection in
            guard
                let row = try await connection.row(
                    """
                    UPDATE usuarios SET activo = \(active), actualizado = \(Date())
                    WHERE lower(nombre) = lower(\(name))
                    RETURNING \(unescaped: Self.staffUserColumns)
                    """, logger: logger)
            else { throw StaffUserRules.notFound(name) }
            return try StaffUser(postgres: row)
        }
    }

    // MARK: AuditStore

    public func appendAudit(_ entry: NewAuditEntry) async throws {
        try await transaction { connection in
            try await connection.execute(
                """
                INSERT INTO auditoria (usuario, accion, detalle, ip, creado)
                VALUES (\(entry.user), \(entry.action), \(entry.detail), \(entry.address), \(Date()))
                """, logger: logger)
        }
    }

    public func auditPage(user: String?, limit: Int?, offset: Int?) async throws -> (
        entries: [AuditEntry], total: Int
    ) {
        let paging = Paging(limit: limit, offset: offset)
        var binds = PostgresBindings()
        var filter = ""
        if let user {
            try binds.append(user)
            filter = "WHERE lower(usuario) = lower($1)"
        }
        let count = PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n FROM auditoria \(filter)", binds: binds)
        try binds.append(paging.limit)
        try binds.append(paging.offset)
        let page = PostgresQuery(
            unsafeSQL: """
                SELECT id, usuario, accion, detalle, ip, creado FROM auditoria \(filter)
                ORDER BY id DESC LIMIT $\(binds.count - 1) OFFSET $\(binds.count)
                """, binds: binds)
        return try await read { connection in
            let total = try await connection.row(count, logger: logger)?.value("n", as: Int.self) ?? 0
            let entries = try await connection.rows(page, logger: logger).map { row in
                AuditEntry(
                    id: try row.value("id"), user: try row.value("usuario"), action: try row.value("accion"),
                    detail: try row.value("detalle"), address: try row.value("ip"), created: try row.value("creado"))
            }
            return (entries, total)
        }
    }

    // MARK: InboxStore

    /// The chat's channel as stored, else guessed from its id (Telegram chats are `tg:…`).
    static let inboxChannelSQL =
        "COALESCE(cc.canal, CASE WHEN c.chat_id LIKE 'tg:%' THEN 'telegram' ELSE 'http' END)"
    /// The chat's dialogue state has lines in its cart.
    static let inboxOpenCartSQL = """
        EXISTS (SELECT 1 FROM chat_estado e WHERE e.chat_id = c.chat_id
                AND jsonb_typeof(e.estado #> '{cart,lines}') = 'array' AND e.estado #> '{cart,lines}' <> '[]'::jsonb)
        """

    /// The summary columns for the viewer bound as `$viewer`.
    static func inboxColumns(viewer: Int) -> String {
        """
        c.chat_id, c.ultimo_id, c.ultimo_en, c.ultimo_remitente, c.ultimo_texto, c.mensajes, c.ultimo_cliente_id,
        c.necesita_persona, COALESCE(cc.ia_activa, TRUE) AS ia, \(inboxChannelSQL) AS canal_chat,
        \(inboxOpenCartSQL) AS carrito,
        COALESCE((SELECT v.mensaje_id FROM consola_vistos v
                  WHERE v.usuario_id = $\(viewer) AND v.chat_id = c.chat_id), 0) AS visto
        """
    }

    public func inbox(_ filter: InboxFilter, viewer: Int64, limit: Int?, offset: Int?) async throws
        -> (conversations: [ConversationSummary], total: Int)
    {
        let paging = Paging(limit: limit, offset: offset)
        var conditions: [String] = []
        var binds = PostgresBindings()
        if filter.needsPerson { conditions.append("c.necesita_persona") }
        if filter.aiOff { conditions.append("NOT COALESCE(cc.ia_activa, TRUE)") }
        if filter.openCart { conditions.append(Self.inboxOpenCartSQL) }
        if let channel = filter.channel {
            try binds.append(channel.rawValue)
            conditions.append("\(Self.inboxChannelSQL) = $\(binds.count)")
        }
        if let text = filter.chatId?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            try binds.append(SearchFunctions.containsPattern(text))
            conditions.append("c.chat_id LIKE $\(binds.count) ESCAPE '\\'")
        }
        let filterSQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let from = "FROM conversaciones c LEFT JOIN chat_control cc ON cc.chat_id = c.chat_id"
        let count = PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n \(from) \(filterSQL)", binds: binds)
        try binds.append(viewer)
        let viewerIndex = binds.count
        try binds.append(paging.limit)
        try binds.append(paging.offset)
        let page = PostgresQuery(
            unsafeSQL: """
                SELECT \(Self.inboxColumns(viewer: viewerIndex)) \(from) \(filterSQL)
                ORDER BY c.ultimo_id DESC LIMIT $\(binds.count - 1) OFFSET $\(binds.count)
                """, binds: binds)
        return try await read { connection in
            let total = try await connection.row(count, logger: logger)?.value("n", as: Int.self) ?? 0
            let rows = try await connection.rows(page, logger: logger).map(ConversationSummary.init(postgres:))
            return (rows, total)
        }
    }

    public func conversation(chatId: String, viewer: Int64) async throws -> ConversationSummary? {
        var binds = PostgresBindings()
        try binds.append(viewer)
        try binds.append(chatId)
        let query = PostgresQuery(
            unsafeSQL: """
                SELECT \(Self.inboxColumns(viewer: 1))
                FROM conversaciones c LEFT JOIN chat_control cc ON cc.chat_id = c.chat_id
                WHERE c.chat_id = $2
                """, binds: binds)
        return try await read { connection in
            try await connection.row(query, logger: logger).map(ConversationSummary.init(postgres:))
        }
    }

    public func latestMessage(chatId: String?) async throws -> (id: Int64, created: Date)? {
        try await read { connection in
            let row =
                if let chatId {
                    try await connection.row(
                        "SELECT id, creado FROM mensajes WHERE chat_id = \(chatId) ORDER BY id DESC LIMIT 1",
                        logger: logger)
                } else {
                    try await connection.row("SELECT id, creado FROM mensajes ORDER BY id DESC LIMIT 1", logger: logger)
                }
            guard let row else { return nil }
            return (try row.value("id", as: Int64.self), try row.value("creado", as: Date.self))
        }
    }

    public func conversationsNeedingPerson(after: Int64, limit: Int) async throws -> [String] {
        try await read { connection in
            try await connection.rows(
                """
                SELECT chat_id FROM conversaciones WHERE ultimo_id > \(after) AND necesita_persona
                ORDER BY ultimo_id DESC LIMIT \(max(0, limit))
                """, logger: logger
            ).map { try $0.value("chat_id", as: String.self) }
        }
    }

    public func markSeen(chatId: String, viewer: Int64, messageId: Int64) async throws {
        try await transaction { connection in
            try await connection.execute(
                """
                INSERT INTO consola_vistos (usuario_id, chat_id, mensaje_id) VALUES (\(viewer), \(chatId), \(messageId))
                ON CONFLICT (usuario_id, chat_id) DO UPDATE
                    SET mensaje_id = GREATEST(consola_vistos.mensaje_id, excluded.mensaje_id)
                """, logger: logger)
        }
    }

    @discardableResult
    public func handOver(chatId: String, aiActive: Bool) async throws -> ChatControl {
        try await transaction { connection in
            let control = try await Self.setAIActive(
                connection, chatId: chatId, active: aiActive, channel: nil, logger: logger)
            if aiActive {
                try await connection.execute(
                    "UPDATE conversaciones SET necesita_persona = FALSE WHERE chat_id = \(chatId)", logger: logger)
            }
            return control
        }
    }
}

extension StaffUser {
    /// A row with `PostgresStore.staffUserColumns`.
    init(postgres row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.value("id"), name: try row.value("nombre"),
            role: try PostgresValue.decode(Role.self, try row.value("rol")), passwordHash: try row.value("clave_hash"),
            active: try row.value("activo"), created: try row.value("creado"))
    }
}

extension ConversationSummary {
    /// A row with `PostgresStore.inboxColumns`.
    init(postgres row: PostgresRandomAccessRow) throws {
        let lastId: Int64 = try row.value("ultimo_id")
        let clientId: Int64 = try row.value("ultimo_cliente_id")
        let seen: Int64 = try row.value("visto")
        self.init(
            chatId: try row.value("chat_id"), lastMessageId: lastId, lastMessageAt: try row.value("ultimo_en"),
            lastSender: try PostgresValue.decode(Sender.self, try row.value("ultimo_remitente")),
            lastText: try row.value("ultimo_texto"), messages: try row.value("mensajes"),
            needsPerson: try row.value("necesita_persona"), aiActive: try row.value("ia"),
            channel: (try row.value("canal_chat", as: String?.self)).flatMap(Channel.init(rawValue:)),
            openCart: try row.value("carrito"), unread: clientId > seen)
    }
}
