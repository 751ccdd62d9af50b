import Foundation
import SpanishText
import Support

// Chat history (chat ids, senders and times kept), the active company text and the
// per-chat AI switches.
extension LegacyImportRun {
    mutating func importMessages() async throws {
        let total = try source.count("mensajes")
        var done = 0
        var chats: Set<String> = []
        var oddSenders: [String: Int] = [:]
        var skipped: [String: Int] = [:]
        try await source.forEachRow("mensajes", orderBy: "id") { row in
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
            if try await target.alreadyImported("mensajes", String(legacyId)) {
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
            let id = try await target.insertMessage(
                LegacyMessage(
                    chatId: chatId, sender: sender.0, content: content, metadata: metadata,
                    created: LegacyValues.date(row["timestamp"]) ?? now))
            try await target.recordImport("mensajes", String(legacyId), as: String(id), at: now)
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
        try await target.adoptChats(chats.sorted(), channel: .http, owner: chatOwner, now: now)
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

    mutating func importCompanyText() async throws {
        guard source.tables.contains("contexto_empresa") else { return }
        for row in try source.rows(
            "SELECT * FROM contexto_empresa WHERE activo = 1 ORDER BY version DESC, id DESC LIMIT 1")
        {
            report.tally("contexto_empresa") { $0.read += 1 }
            let legacyId = String(LegacyValues.integer(row["id"]) ?? 0)
            guard let content = LegacyValues.text(row["contenido"], limit: 200_000) else {
                report.notes.append("contexto_empresa \(legacyId): omitido (vacío)")
                report.tally("contexto_empresa") { $0.skipped += 1 }
                continue
            }
            if try await target.alreadyImported("contexto_empresa", legacyId) {
                report.tally("contexto_empresa") { $0.unchanged += 1 }
                continue
            }
            let active = try await target.activeCompanyContext()
            if active?.content.trimmingWhitespace() == content.trimmingWhitespace(), let active {
                try await target.recordImport("contexto_empresa", legacyId, as: String(active.id), at: now)
                report.tally("contexto_empresa") { $0.unchanged += 1 }
                continue
            }
            let stored = try await target.insertCompanyContext(content)
            try await target.recordImport("contexto_empresa", legacyId, as: String(stored.id), at: now)
            report.tally("contexto_empresa") { $0.created += 1 }
        }
    }

    mutating func importChatControl() async throws {
        guard source.tables.contains("chat_control") else { return }
        try await source.forEachRow("chat_control", orderBy: "id") { row in
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
            let current = try await target.aiActive(chatId: chatId)
            if current == active || (current == nil && active) {
                report.tally("chat_control") { $0.unchanged += 1 }
                return
            }
            try await target.setAIActive(chatId: chatId, active: active, now: now)
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
