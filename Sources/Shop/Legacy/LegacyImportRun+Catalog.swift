import Foundation
import GRDB

// Products and clients: matched by their own keys (id, cédula); unchanged rows are left alone.
extension LegacyImportRun {
    mutating func importProducts() async throws {
        let total = try source.count("productos")
        var done = 0
        try await source.forEachRow("productos", orderBy: "id") { row in
            done += 1
            progressLine("productos", done, total)
            report.tally("productos") { $0.read += 1 }
            let id: Int64? = row["id"]
            guard let id, id > 0 else {
                report.notes.append("productos: una fila sin id válido se omitió")
                report.tally("productos") { $0.skipped += 1 }
                return
            }
            let price = LegacyValues.pesos(row["precio"])
            if let price, price.rounded {
                report.notes.append(
                    "productos \(id): precio \(price.original) redondeado a \(Money.format(price.value))")
            }
            var name = (row["nombre"] as String? ?? "").trimmingWhitespace()
            if name.count > 120 {
                report.notes.append("productos \(id): nombre recortado a 120 caracteres")
                name = String(name.prefix(120))
            }
            let input = ProductInput(
                id: id, name: name,
                description: LegacyValues.text(row["descripcion"], limit: Product.maxDescriptionLength),
                price: price?.value ?? -1, stock: max(0, LegacyValues.integer(row["stock"]) ?? 0),
                active: LegacyValues.flag(row["activo"]) ?? true,
                category: LegacyValues.text(row["categoria"], limit: Product.maxCategoryLength))
            let product: Product
            do {
                product = try input.validated()
            } catch let error as ValidationErrors {
                report.notes.append("productos \(id): omitido (\(error.message))")
                report.tally("productos") { $0.skipped += 1 }
                return
            }
            var stored = product
            let existing = try await target.product(id: id)
            if existing?.discontinued == true {
                stored.discontinued = true
                stored.active = false
            }
            if existing == stored {
                report.tally("productos") { $0.unchanged += 1 }
                return
            }
            try await target.saveProduct(stored, now: now)
            report.tally("productos") { existing == nil ? ($0.created += 1) : ($0.updated += 1) }
        }
    }

    mutating func importClients() async throws {
        try await source.forEachRow("clientes", orderBy: "cedula") { row in
            report.tally("clientes") { $0.read += 1 }
            let raw = LegacyClient(row: row)
            guard let details = raw.details(report: &report, context: "clientes \(raw.idNumber)") else {
                report.tally("clientes") { $0.skipped += 1 }
                return
            }
            let active = LegacyValues.flag(row["activo"]) ?? true
            let existing = try await target.client(idNumber: details.idNumber)
            if let existing, existing.details == details, existing.active == active {
                report.tally("clientes") { $0.unchanged += 1 }
                return
            }
            try await target.saveClient(
                details, active: active, registered: LegacyValues.date(row["fecha_registro"]) ?? now, now: now)
            report.tally("clientes") { existing == nil ? ($0.created += 1) : ($0.updated += 1) }
        }
    }
}
