import GRDB

extension Schema {
    /// The staff console: its users (bcrypt hashes, role), the audit log, one summary row per
    /// conversation kept by a trigger on `mensajes` (so every writer — reply worker, delivery
    /// worker, legacy import, front end — keeps the inbox current, and the inbox reads one
    /// indexed row per chat instead of grouping every message), and what each user has seen.
    static func createConsole(_ db: Database) throws {
        let roles = StaffUser.roles.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.create(table: "usuarios") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("nombre", .text).notNull().unique().collate(.nocase)
                .check(sql: "length(nombre) BETWEEN 3 AND 40")
            t.column("rol", .text).notNull().check(sql: "rol IN (\(roles))")
            t.column("clave_hash", .text).notNull().check(sql: "clave_hash LIKE '$2%'")
            t.column("activo", .boolean).notNull().defaults(to: true).check(sql: "activo IN (0, 1)")
            t.column("creado", .datetime).notNull()
            t.column("actualizado", .datetime).notNull()
        }
        try db.create(table: "auditoria") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("usuario", .text).notNull()
            t.column("accion", .text).notNull()
            t.column("detalle", .text).notNull().defaults(to: "")
            t.column("ip", .text)
            t.column("creado", .datetime).notNull()
        }
        try db.create(table: "conversaciones") { t in
            t.primaryKey("chat_id", .text).notNull()
            t.column("ultimo_id", .integer).notNull()
            t.column("ultimo_en", .datetime).notNull()
            t.column("ultimo_remitente", .text).notNull()
            t.column("ultimo_texto", .text).notNull()
            t.column("mensajes", .integer).notNull().defaults(to: 0)
            // The customer's latest message (0: none yet); unread = newer than what a user saw.
            t.column("ultimo_cliente_id", .integer).notNull().defaults(to: 0)
            t.column("necesita_persona", .boolean).notNull().defaults(to: false)
        }
        try db.create(index: "conversaciones_ultimo", on: "conversaciones", columns: ["ultimo_id"])
        try db.create(table: "consola_vistos") { t in
            t.column("usuario_id", .integer).notNull().references("usuarios", onDelete: .cascade)
            t.column("chat_id", .text).notNull()
            t.column("mensaje_id", .integer).notNull()
            t.primaryKey(["usuario_id", "chat_id"])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER mensajes_conversacion AFTER INSERT ON mensajes
                BEGIN
                    INSERT OR IGNORE INTO conversaciones
                        (chat_id, ultimo_id, ultimo_en, ultimo_remitente, ultimo_texto, mensajes)
                    VALUES (NEW.chat_id, NEW.id, NEW.creado, NEW.remitente, '', 0);
                    UPDATE conversaciones SET
                        ultimo_id = NEW.id, ultimo_en = NEW.creado, ultimo_remitente = NEW.remitente,
                        ultimo_texto = substr(NEW.contenido, 1, 200), mensajes = mensajes + 1,
                        ultimo_cliente_id = CASE WHEN NEW.remitente = 'usuario' THEN NEW.id ELSE ultimo_cliente_id END,
                        necesita_persona = CASE
                            WHEN NEW.remitente = 'operador' THEN 0
                            WHEN \(needsPersonSQL) THEN 1
                            ELSE necesita_persona END
                    WHERE chat_id = NEW.chat_id;
                END;
                """)
        // Chats that already had messages.
        try db.execute(
            sql: """
                INSERT INTO conversaciones
                    (chat_id, ultimo_id, ultimo_en, ultimo_remitente, ultimo_texto, mensajes, ultimo_cliente_id,
                     necesita_persona)
                SELECT m.chat_id, m.id, m.creado, m.remitente, substr(m.contenido, 1, 200), g.n, g.cliente,
                       m.remitente = 'usuario'
                           AND COALESCE((SELECT ia_activa FROM chat_control c WHERE c.chat_id = m.chat_id), 1) = 0
                FROM (SELECT chat_id, MAX(id) AS ultimo, COUNT(*) AS n,
                             MAX(CASE WHEN remitente = 'usuario' THEN id ELSE 0 END) AS cliente
                      FROM mensajes GROUP BY chat_id) g
                JOIN mensajes m ON m.id = g.ultimo
                """)
    }

    /// When a new message (`NEW`) means the chat needs a person: the customer wrote while an
    /// operator has the chat (AI off) or asked for a person; the agent's reply was the notice
    /// that it could not answer, or sent the customer to an adviser ("un asesor").
    static let needsPersonSQL = """
        (NEW.remitente = 'usuario' AND (
            COALESCE((SELECT ia_activa FROM chat_control c WHERE c.chat_id = NEW.chat_id), 1) = 0
            OR lower(NEW.contenido) LIKE '%asesor%' OR lower(NEW.contenido) LIKE '%humano%'
            OR lower(NEW.contenido) LIKE '%una persona%'))
        OR (NEW.remitente = 'agente' AND (
            json_extract(NEW.metadata, '$.fuente') = 'aviso' OR lower(NEW.contenido) LIKE '%un asesor%'))
        """
}
