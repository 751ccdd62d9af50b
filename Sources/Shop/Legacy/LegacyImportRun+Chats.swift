import Foundation
import GRDB
import SpanishText
import Support

// Chat history (chat ids, senders and times kept), the active company text and the
// per-chat AI switches.
extension LegacyImportRun {
    mutating func importMessages() throws {
        let total = try source.count("mensajes")
        var done = 0
        var chats: Set<String> = []
        var oddSenders: [String: Int] = [:]
        var skipped: [String: Int] = [:]
        try source.forEachRow("SELECT * FROM mensajes ORDER BY id") { row in
            done += 1
            progressLine("mensajes", done, total)
            report.tally("mensajes") { $0.read += 1 }
            let legacyId: Int64 = row["id"]
            guard let legacyChat = LegacyValues.text(row["chat_id"], limit: 201), legacyChat.count <= 200,
                let chatId = storedChatId(legacyChat)
            else {
                skipped["sin chat_id válido", default: 0] += 1
                report.tally("mensajes") { $0.skipped += 1 }
                return
            }
            guard let content = LegacyValues.text(row["mensaje"], limit: 100_000) else {
                skipped["sin texto", default: 0] += 1
                report.tally("mensajes") { $0.skipped += 1 }
                return
            }
            if try alreadyImported("mensajes", String(legacyId)) {
                report.tally("mensajes") { $0.unchanged += 1 }
                return
            }
            let rawSender = LegacyValues.text(row["remitente"], limit: 40) ?? ""
            let sender = Self.sender(rawSender)
            if sender.1 { oddSenders[rawSender, default: 0] += 1 }
            var legacy: [String: JSONValue] = ["id": .integer(Int(legacyId))]
            if let kind = LegacyValues.text(row["tipo_mensaje"], limit: 60) { legacy["tipo_mensaje"] = .string(kind) }
            if let sale = LegacyValues.text(row["estado_venta"], limit: 60) { legacy["estado_venta"] = .string(sale) }
            if let extra = LegacyValues.text(row["metadatos"], limit: 20_000), extra != "null" {
                legacy["metadatos"] =
                    (try? JSONDecoder().decode(JSONValue.self, from: Data(extra.utf8))) ?? .string(extra)
            }
            let metadata = String(
                decoding: try JSONEncoder.sortedKeys.encode(JSONValue.object(["legado": .object(legacy)])),
                as: UTF8.self)
            try db.execute(
                sql:
                    "INSERT INTO mensajes (chat_id, remitente, tipo, contenido, metadata, creado) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    chatId, sender.0.rawValue, MessageKind.text.rawValue, content, metadata,
                    LegacyValues.date(row["timestamp"]) ?? now,
                ])
            try recordImport("mensajes", String(legacyId), as: String(db.lastInsertedRowID))
            chats.insert(chatId)
            report.tally("mensajes") { $0.created += 1 }
        }
        for (raw, count) in oddSenders.sorted(by: { $0.key < $1.key }) {
            report.notes.append(
                "mensajes: \(count) con remitente «\(raw)» guardados como \(Self.sender(raw).0.rawValue)")
        }
        for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) {
            report.notes.append("mensajes: \(count) omitidos (\(reason))")
        }
        // The imported chats live on the HTTP channel; `chatOwner` continues them.
        for chatId in chats.sorted() {
            try db.execute(
                sql: """
                    INSERT INTO chat_control (chat_id, ia_activa, canal, propietario, actualizado) VALUES (?, 1, ?, ?, ?)
                    ON CONFLICT(chat_id) DO NOTHING
                    """,
                arguments: [chatId, Channel.http.rawValue, chatOwner, now])
        }
    }

    /// The old senders in this system's; the flag says the name was not the usual one.
    static func sender(_ raw: String) -> (Sender, Bool) {
        switch TextFold.fold(raw) {
        case "usuario": (.user, false)
        case "cliente": (.user, true)
        case "agente": (.agent, false)
        case "asistente", "bot", "ia": (.agent, true)
        case "sistema": (.system, false)
        case "operador", "asesor", "humano": (.operator, true)
        default: (.system, true)
        }
    }

    mutating func importCompanyText() throws {
        guard source.tables.contains("contexto_empresa") else { return }
        try source.forEachRow("SELECT * FROM contexto_empresa WHERE activo = 1 ORDER BY version DESC, id DESC LIMIT 1")
        {
            row in
            report.tally("contexto_empresa") { $0.read += 1 }
            let legacyId = String(LegacyValues.integer(row["id"]) ?? 0)
            guard let content = LegacyValues.text(row["contenido"], limit: 200_000) else {
                report.notes.append("contexto_empresa \(legacyId): omitido (vacío)")
                report.tally("contexto_empresa") { $0.skipped += 1 }
                return
            }
            if try alreadyImported("contexto_empresa", legacyId) {
                report.tally("contexto_empresa") { $0.unchanged += 1 }
                return
            }
            let active = try AppDatabase.fetchActiveContext(db)
            if active?.content.trimmingWhitespace() == content.trimmingWhitespace(), let active {
                try recordImport("contexto_empresa", legacyId, as: String(active.id))
                report.tally("contexto_empresa") { $0.unchanged += 1 }
                return
            }
            let stored = try AppDatabase.insertCompanyContext(db, content)
            try recordImport("contexto_empresa", legacyId, as: String(stored.id))
            report.tally("contexto_empresa") { $0.created += 1 }
        }
    }

    mutating func importChatControl() throws {
        guard source.tables.contains("chat_control") else { return }
        try source.forEachRow("SELECT * FROM chat_control ORDER BY id") { row in
            report.tally("chat_control") { $0.read += 1 }
            let active = LegacyValues.flag(row["ia_activa"]) ?? true
            guard let legacyChat = LegacyValues.text(row["chat_id"], limit: 201), legacyChat.count <= 200,
                let chatId = storedChatId(legacyChat)
            else {
                report.notes.append(
                    "chat_control: el control global (ia_activa=\(active ? 1 : 0)) no tiene equivalente; aquí la IA se apaga por chat"
                )
                report.tally("chat_control") { $0.skipped += 1 }
                return
            }
            let current = try Bool.fetchOne(
                db, sql: "SELECT ia_activa FROM chat_control WHERE chat_id = ?", arguments: [chatId])
            if current == active || (current == nil && active) {
                report.tally("chat_control") { $0.unchanged += 1 }
                return
            }
            try db.execute(
                sql: """
                    INSERT INTO chat_control (chat_id, ia_activa, actualizado) VALUES (?, ?, ?)
                    ON CONFLICT(chat_id) DO UPDATE SET ia_activa = excluded.ia_activa, actualizado = excluded.actualizado
                    """,
                arguments: [chatId, active, now])
            report.tally("chat_control") { current == nil ? ($0.created += 1) : ($0.updated += 1) }
        }
    }
}

extension JSONEncoder {
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
