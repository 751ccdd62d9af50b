import Foundation
import GRDB

@testable import Shop

/// A shop with awkward data for exports (commas, quotes, line breaks, text that looks like a
/// formula, accents, an order from a known day, a cancelled order, two channels), and the
/// rows each export should hold, computed from the database through the domain API and
/// Foundation's date formatting: independently of the exporter.
enum ExportFixtures {
    static let trickyProducts: [ProductInput] = [
        ProductInput(
            id: 6, name: #"=HYPERLINK("http://malo.example","clic")"#, description: "Línea 1\nLínea 2, con coma",
            price: 1200, stock: 3, category: "Pruebas; punto y coma"),
        ProductInput(id: 7, name: "-Promo guantes", description: "@usuario dice \"hola\"", price: 900, stock: 2),
        ProductInput(id: 8, name: "+57 Señal", description: "  espacios  ", price: 0, stock: 100),
    ]

    static let otherClient = ClientDetails(
        idNumber: "79.555.123", name: "Pedro \"Pacho\" Núñez", phone: "3001234567", email: "pedro@example.com",
        address: "=1+1, Bloque 2", neighborhood: "El Peñón", notes: "Llamar antes\r\nDejar en portería")

    /// The five fixture products, three tricky ones, two clients, four orders (one cancelled,
    /// one on 2025-03-01 in shop time) and messages on two chats.
    static func shop(in directory: TemporaryDirectory) throws -> AppDatabase {
        let db = try Fixtures.databaseWithProducts(in: directory)
        for product in trickyProducts { _ = try db.createProduct(product) }
        let a = try db.placeOrder(Fixtures.order([(1, 2), (6, 1)], chatId: "tg:42"), idempotencyKey: "a").order
        _ = try db.placeOrder(
            Fixtures.order([(2, 3), (7, 1), (8, 4)], client: otherClient, chatId: "web-7"), idempotencyKey: "b")
        let c = try db.placeOrder(Fixtures.order([(3, 1)], chatId: nil), idempotencyKey: "c").order
        _ = try db.placeOrder(Fixtures.order([(7, 1)], client: otherClient, chatId: "web-7"), idempotencyKey: "d")
        _ = try db.changeOrderState(id: c.id, to: .cancelled)
        try db.pool.write { database in
            try database.execute(
                sql: "UPDATE pedidos SET creado = ? WHERE id = ?",
                arguments: [ShopCalendar.timestamp("2025-03-01T15:04:05Z")!, a.id])
        }
        try db.appendMessage(NewMessage(chatId: "tg:42", sender: .user, content: "Hola, ¿tienen extintores?"))
        try db.appendMessage(
            NewMessage(chatId: "tg:42", sender: .agent, content: "Sí: \"PQS\", 10 lb\nA $45.000"))
        try db.appendMessage(
            NewMessage(chatId: "web-7", sender: .user, kind: .image, content: "=cmd|' /C calc'!A0"))
        try db.setAIActive(chatId: "web-7", active: false, channel: .http)
        return db
    }

    /// "2025-03-01 10:04:05": the shop-time text the exporter should write for `date`.
    static func local(_ date: Date?) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: -5 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    /// A text cell as a CSV export writes it (formula guard applied).
    static func guarded(_ text: String?) -> String {
        guard let text, let first = text.unicodeScalars.first else { return "" }
        return "=+-@\t\r".unicodeScalars.contains(first) ? "'" + text : text
    }

    /// Expected rows (header first), with text cells passed through `text`.
    static func expected(
        _ resource: ExportResource, _ db: AppDatabase, filters: ExportFilters = ExportFilters(),
        text: (String?) -> String = { $0 ?? "" }
    ) throws -> [[String]] {
        let header = try ExportQuery.make(resource, filters).columns.map(\.name)
        var rows: [[String]] = []
        switch resource {
        case .clients:
            let clients = try db.pool.read { try Client.fetchAll($0, sql: "SELECT * FROM clientes ORDER BY cedula") }
            for c in clients where filters.idNumber == nil || c.idNumber == filters.idNumber {
                rows.append([
                    text(c.idNumber), text(c.name), text(c.phone), text(c.email), text(c.address),
                    text(c.neighborhood), text(c.notes), String(c.orderCount), String(c.totalBought),
                    local(c.lastPurchase), local(c.created), c.active ? "sí" : "no",
                ])
            }
        case .products:
            let products = try db.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM productos ORDER BY id") }
            for row in products {
                let p = try Product(row: row)
                guard filters.productId == nil || p.id == filters.productId else { continue }
                rows.append([
                    String(p.id), text(p.name), text(p.description), String(p.price), String(p.stock),
                    p.active ? "sí" : "no", text(p.category), p.state.rawValue, local(row["actualizado"] as Date?),
                ])
            }
        case .orders, .sales:
            let filter = OrderFilter(
                idNumber: filters.idNumber, state: filters.state, since: filters.since, until: filters.until)
            let orders = try db.listOrders(filter, limit: 500).results.sorted { $0.id < $1.id }
            for p in orders {
                if resource == .orders {
                    guard filters.productId == nil || p.items.contains(where: { $0.productId == filters.productId })
                    else { continue }
                    rows.append([
                        String(p.id), local(p.created), text(p.state.rawValue), text(p.client.idNumber),
                        text(p.client.name), text(p.client.phone), text(p.client.email),
                        text(p.client.address), text(p.client.neighborhood), text(p.client.notes), text(p.chatId),
                        String(p.items.count), String(p.units), String(p.total),
                    ])
                } else {
                    guard p.state != .cancelled else { continue }
                    for item in p.items where filters.productId == nil || item.productId == filters.productId {
                        rows.append([
                            String(p.id), local(p.created), text(p.state.rawValue), text(p.client.idNumber),
                            text(p.client.name), String(item.productId), text(item.name), String(item.quantity),
                            String(item.unitPrice), String(item.subtotal),
                        ])
                    }
                }
            }
        case .conversations:
            let chats = try db.pool.read {
                try String.fetchAll($0, sql: "SELECT DISTINCT chat_id FROM mensajes ORDER BY chat_id")
            }
            for chat in chats {
                if let idNumber = filters.idNumber {
                    let orders = try db.listOrders(OrderFilter(chatId: chat, idNumber: idNumber)).total
                    guard orders > 0 else { continue }
                }
                let channel = try db.chatControl(chatId: chat).channel ?? (chat.hasPrefix("tg:") ? .telegram : nil)
                for m in try db.history(chatId: chat, limit: 10_000) {
                    rows.append([
                        text(m.chatId), text(channel?.rawValue), String(m.id), local(m.created),
                        text(m.sender.rawValue),
                        text(m.kind.rawValue), text(m.content),
                    ])
                }
            }
        }
        return [header] + rows
    }

    /// Rows of a CSV file (header first), via the project's RFC 4180 reader.
    static func csvRows(_ data: Data, delimiter: Unicode.Scalar = ",") -> [[String]] {
        CSVReader.records(in: String(decoding: data, as: UTF8.self), delimiter: delimiter).map(\.fields)
    }
}
