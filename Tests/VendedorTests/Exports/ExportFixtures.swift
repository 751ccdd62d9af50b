import Foundation
import GRDB

@testable import Core

/// A shop with awkward data for exports (commas, quotes, line breaks, text that looks like a
/// formula, accents, an order from a known day, a cancelled order, two channels), and the
/// rows each export should hold, computed from the database through the domain API and
/// Foundation's date formatting: independently of the exporter.
enum ExportFixtures {
    static let trickyProducts: [ProductoInput] = [
        ProductoInput(
            id: 6, nombre: #"=HYPERLINK("http://malo.example","clic")"#, descripcion: "Línea 1\nLínea 2, con coma",
            precio: 1200, stock: 3, categoria: "Pruebas; punto y coma"),
        ProductoInput(id: 7, nombre: "-Promo guantes", descripcion: "@usuario dice \"hola\"", precio: 900, stock: 2),
        ProductoInput(id: 8, nombre: "+57 Señal", descripcion: "  espacios  ", precio: 0, stock: 100),
    ]

    static let otherClient = ClienteDatos(
        cedula: "79.555.123", nombre: "Pedro \"Pacho\" Núñez", telefono: "3001234567", correo: "pedro@example.com",
        direccion: "=1+1, Bloque 2", barrio: "El Peñón", indicaciones: "Llamar antes\r\nDejar en portería")

    /// The five fixture products, three tricky ones, two clients, four orders (one cancelled,
    /// one on 2025-03-01 in shop time) and messages on two chats.
    static func shop(in directory: TemporaryDirectory) throws -> AppDatabase {
        let db = try Fixtures.databaseWithProducts(in: directory)
        for producto in trickyProducts { _ = try db.createProduct(producto) }
        let a = try db.placeOrder(Fixtures.order([(1, 2), (6, 1)], chatId: "tg:42"), idempotencyKey: "a").pedido
        _ = try db.placeOrder(
            Fixtures.order([(2, 3), (7, 1), (8, 4)], cliente: otherClient, chatId: "web-7"), idempotencyKey: "b")
        let c = try db.placeOrder(Fixtures.order([(3, 1)], chatId: nil), idempotencyKey: "c").pedido
        _ = try db.placeOrder(Fixtures.order([(7, 1)], cliente: otherClient, chatId: "web-7"), idempotencyKey: "d")
        _ = try db.changeOrderState(id: c.id, to: .cancelado)
        try db.pool.write { database in
            try database.execute(
                sql: "UPDATE pedidos SET creado = ? WHERE id = ?",
                arguments: [ShopCalendar.timestamp("2025-03-01T15:04:05Z")!, a.id])
        }
        try db.appendMessage(NuevoMensaje(chatId: "tg:42", remitente: .usuario, contenido: "Hola, ¿tienen extintores?"))
        try db.appendMessage(
            NuevoMensaje(chatId: "tg:42", remitente: .agente, contenido: "Sí: \"PQS\", 10 lb\nA $45.000"))
        try db.appendMessage(
            NuevoMensaje(chatId: "web-7", remitente: .usuario, tipo: .imagen, contenido: "=cmd|' /C calc'!A0"))
        try db.setAIActive(chatId: "web-7", active: false, canal: "http")
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
        case .clientes:
            let clientes = try db.pool.read { try Cliente.fetchAll($0, sql: "SELECT * FROM clientes ORDER BY cedula") }
            for c in clientes where filters.cedula == nil || c.cedula == filters.cedula {
                rows.append([
                    text(c.cedula), text(c.nombre), text(c.telefono), text(c.correo), text(c.direccion),
                    text(c.barrio), text(c.indicaciones), String(c.pedidosCount), String(c.totalComprado),
                    local(c.ultimaCompra), local(c.creado),
                ])
            }
        case .productos:
            let productos = try db.pool.read { try Row.fetchAll($0, sql: "SELECT * FROM productos ORDER BY id") }
            for row in productos {
                let p = try Producto(row: row)
                guard filters.productoId == nil || p.id == filters.productoId else { continue }
                rows.append([
                    String(p.id), text(p.nombre), text(p.descripcion), String(p.precio), String(p.stock),
                    p.activo ? "sí" : "no", text(p.categoria), local(row["actualizado"] as Date?),
                ])
            }
        case .pedidos, .ventas:
            let filtro = PedidoFiltro(
                cedula: filters.cedula, estado: filters.estado, desde: filters.desde, hasta: filters.hasta)
            let pedidos = try db.listOrders(filtro, limit: 500).resultados.sorted { $0.id < $1.id }
            for p in pedidos {
                if resource == .pedidos {
                    guard filters.productoId == nil || p.items.contains(where: { $0.productoId == filters.productoId })
                    else { continue }
                    rows.append([
                        String(p.id), local(p.creado), text(p.estado.rawValue), text(p.cliente.cedula),
                        text(p.cliente.nombre), text(p.cliente.telefono), text(p.cliente.correo),
                        text(p.cliente.direccion), text(p.cliente.barrio), text(p.cliente.indicaciones), text(p.chatId),
                        String(p.items.count), String(p.unidades), String(p.total),
                    ])
                } else {
                    guard p.estado != .cancelado else { continue }
                    for item in p.items where filters.productoId == nil || item.productoId == filters.productoId {
                        rows.append([
                            String(p.id), local(p.creado), text(p.estado.rawValue), text(p.cliente.cedula),
                            text(p.cliente.nombre), String(item.productoId), text(item.nombre), String(item.cantidad),
                            String(item.precioUnitario), String(item.subtotal),
                        ])
                    }
                }
            }
        case .conversaciones:
            let chats = try db.pool.read {
                try String.fetchAll($0, sql: "SELECT DISTINCT chat_id FROM mensajes ORDER BY chat_id")
            }
            for chat in chats {
                if let cedula = filters.cedula {
                    let orders = try db.listOrders(PedidoFiltro(chatId: chat, cedula: cedula)).total
                    guard orders > 0 else { continue }
                }
                let canal = try db.chatControl(chatId: chat).canal ?? (chat.hasPrefix("tg:") ? "telegram" : nil)
                for m in try db.history(chatId: chat, limit: 10_000) {
                    rows.append([
                        text(m.chatId), text(canal), String(m.id), local(m.creado), text(m.remitente.rawValue),
                        text(m.tipo.rawValue), text(m.contenido),
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
