import Foundation
import GRDB
import SpanishText
import Support

// Sales: the old system wrote one `ventas` row per product, with the client's data in a JSON
// `detalle`. Rows of one purchase become one order with its lines; historical orders never
// touch the stock, and the clients' purchase figures are recomputed from them.
extension LegacyImportRun {
    struct Sale {
        var id: Int64
        var productId: Int64?
        var quantity: Int?
        var total: LegacyValues.Pesos?
        var unitPrice: LegacyValues.Pesos?
        var productName: String?
        var chatId: String?
        var state: String
        var idNumber: String?
        var client: LegacyClient?
        var legacyOrder: String?
        var date: Date?

        init(row: Row) {
            id = row["id"]
            productId = LegacyValues.integer(row["producto_id"]).map(Int64.init)
            quantity = LegacyValues.integer(row["cantidad"])
            total = LegacyValues.pesos(row["total"])
            chatId = LegacyValues.text(row["chat_id"], limit: 200)
            state = LegacyValues.text(row["estado"], limit: 40) ?? "pendiente"
            idNumber = LegacyValues.text(row["cliente_cedula"], limit: 40)
            date = LegacyValues.date(row["fecha"])
            let detail =
                (LegacyValues.text(row["detalle"], limit: 100_000)?.data(using: .utf8))
                .flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
            client = (detail?["datos_cliente"] as? [String: Any]).flatMap(LegacyClient.init(json:))
            productName = detail?["producto_nombre"] as? String
            if let price = detail?["precio_unitario"] as? NSNumber {
                unitPrice = LegacyValues.pesos(price.doubleValue.databaseValue)
            }
            if let order = detail?["pedido_id"] as? NSNumber { legacyOrder = order.stringValue }
        }

        /// Rows of one purchase share the chat and the client and were written together.
        func belongs(with first: Sale, last: Sale) -> Bool {
            guard chatId == first.chatId, idNumber == first.idNumber else { return false }
            if let order = legacyOrder ?? first.legacyOrder {
                return order == first.legacyOrder && order == legacyOrder
            }
            guard let date, let previous = last.date else { return false }
            return abs(date.timeIntervalSince(previous)) <= 120
        }
    }

    mutating func importSales() async throws {
        var group: [Sale] = []
        var clients: Set<String> = []
        try await source.forEachRow("ventas", orderBy: "id") { row in
            let sale = Sale(row: row)
            report.tally("ventas") { $0.read += 1 }
            if let first = group.first, let last = group.last, sale.belongs(with: first, last: last),
                !group.contains(where: { $0.productId == sale.productId })
            {
                group.append(sale)
                return
            }
            if !group.isEmpty, let client = try await importOrder(group) { clients.insert(client) }
            group = [sale]
        }
        if !group.isEmpty, let client = try await importOrder(group) { clients.insert(client) }
        try await target.recomputeClientFigures(clients.sorted())
    }

    /// One purchase → one order. Returns the client's cédula when an order was written.
    mutating func importOrder(_ sales: [Sale]) async throws -> String? {
        let ids = sales.map { String($0.id) }
        let label = "ventas \(ids.joined(separator: ","))"
        if try await target.alreadyImported("ventas", ids[0]) {
            report.tally("pedidos") { $0.unchanged += 1 }
            return nil
        }
        guard let client = try await client(for: sales, label: label) else {
            report.tally("pedidos") { $0.skipped += 1 }
            return nil
        }
        var lines: [OrderLine] = []
        for sale in sales {
            guard let productId = sale.productId, let product = try await target.product(id: productId) else {
                report.notes.append(
                    "ventas \(sale.id): omitida (el producto \(sale.productId.map(String.init) ?? "?") no existe)")
                continue
            }
            guard let quantity = sale.quantity, (1...Validation.maxQuantity).contains(quantity) else {
                report.notes.append("ventas \(sale.id): omitida (cantidad inválida)")
                continue
            }
            let price =
                sale.unitPrice
                ?? sale.total.map { total in
                    let unit = Double(total.value) / Double(quantity)
                    return LegacyValues.Pesos(
                        value: Int(unit.rounded(.toNearestOrAwayFromZero)), original: "\(total.original)/\(quantity)",
                        rounded: unit.rounded() != unit || total.rounded)
                }
            guard let price else {
                report.notes.append("ventas \(sale.id): omitida (sin total ni precio)")
                continue
            }
            if price.rounded {
                report.notes.append(
                    "ventas \(sale.id): precio \(price.original) redondeado a \(Money.format(price.value))")
            }
            lines.append(
                OrderLine(
                    productId: productId, name: sale.productName ?? product.name, quantity: quantity,
                    unitPrice: price.value))
        }
        guard !lines.isEmpty else {
            report.tally("pedidos") { $0.skipped += 1 }
            return nil
        }
        let state = Self.orderState(sales[0].state)
        if state.1 { report.notes.append("\(label): estado «\(sales[0].state)» leído como \(state.0.rawValue)") }
        let orderId = try await target.insertOrder(
            LegacyOrder(
                key: "legado:ventas:\(ids[0])", chatId: sales[0].chatId.flatMap(storedChatId), client: client,
                state: state.0, lines: lines, created: sales[0].date ?? now))
        for id in ids { try await target.recordImport("ventas", id, as: String(orderId), at: now) }
        report.tally("pedidos") { $0.created += 1 }
        return client.idNumber
    }

    /// The order's client: the sale's own data, else the `clientes` row; created when this
    /// system does not know it yet.
    mutating func client(for sales: [Sale], label: String) async throws -> ClientDetails? {
        if let legacy = sales.first?.client {
            guard let details = legacy.details(report: &report, context: label) else { return nil }
            if try await target.client(idNumber: details.idNumber) == nil {
                try await target.saveClient(details, active: true, registered: sales.first?.date ?? now, now: now)
                report.notes.append(
                    "\(label): el cliente \(details.idNumber) no estaba registrado; se creó con los datos de la venta")
                report.tally("clientes") { $0.created += 1 }
            }
            return details
        }
        if let raw = sales.first?.idNumber, let idNumber = try? Validation.idNumber(raw),
            let stored = try await target.client(idNumber: idNumber)
        {
            return stored.details
        }
        report.notes.append("\(label): omitida (sin datos del cliente ni cliente registrado)")
        return nil
    }

    /// The old states ("pendiente", "completada", "cancelada"…) in this system's; the flag
    /// says the state was not one the old system documented.
    static func orderState(_ raw: String) -> (OrderState, Bool) {
        switch TextFold.fold(raw) {
        case "pendiente": (.pending, false)
        case "procesando", "en proceso", "confirmada", "confirmado": (.processing, false)
        case "enviada", "enviado", "despachada", "despachado": (.sent, false)
        case "completada", "completado", "entregada", "entregado", "cerrada", "pagada": (.delivered, false)
        case "cancelada", "cancelado", "anulada", "anulado": (.cancelled, false)
        default: (.pending, true)
        }
    }
}
