import Foundation
import GRDB

// Products and clients: matched by their own keys (id, cédula); unchanged rows are left alone.
extension LegacyImportRun {
    mutating func importProducts() throws {
        let total = try source.count("productos")
        var done = 0
        try source.forEachRow("SELECT * FROM productos ORDER BY id") { row in
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
            let existing = try AppDatabase.fetchProduct(db, id: id)
            if existing?.discontinued == true {
                stored.discontinued = true
                stored.active = false
            }
            if existing == stored {
                report.tally("productos") { $0.unchanged += 1 }
                return
            }
            try AppDatabase.saveProduct(db, stored, now: now)
            report.tally("productos") { existing == nil ? ($0.created += 1) : ($0.updated += 1) }
        }
    }

    mutating func importClients() throws {
        try source.forEachRow("SELECT * FROM clientes ORDER BY cedula") { row in
            report.tally("clientes") { $0.read += 1 }
            let raw = LegacyClient(row: row)
            guard let details = raw.details(report: &report, context: "clientes \(raw.idNumber)") else {
                report.tally("clientes") { $0.skipped += 1 }
                return
            }
            let active = LegacyValues.flag(row["activo"]) ?? true
            let existing = try AppDatabase.fetchClient(db, idNumber: details.idNumber)
            if let existing, existing.details == details, existing.active == active {
                report.tally("clientes") { $0.unchanged += 1 }
                return
            }
            try saveClient(details, active: active, registered: LegacyValues.date(row["fecha_registro"]))
            report.tally("clientes") { existing == nil ? ($0.created += 1) : ($0.updated += 1) }
        }
    }

    /// Inserts or replaces a client's data (keeping its purchase figures, which the imported
    /// orders recompute).
    func saveClient(_ details: ClientDetails, active: Bool, registered: Date?) throws {
        try db.execute(
            sql: """
                INSERT INTO clientes (cedula, nombre, telefono, correo, direccion, barrio, indicaciones, activo,
                                      creado, actualizado)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(cedula) DO UPDATE SET
                    nombre = excluded.nombre, telefono = excluded.telefono, correo = excluded.correo,
                    direccion = excluded.direccion, barrio = excluded.barrio, indicaciones = excluded.indicaciones,
                    activo = excluded.activo, actualizado = excluded.actualizado
                """,
            arguments: [
                details.idNumber, details.name, details.phone, details.email, details.address, details.neighborhood,
                details.notes, active, registered ?? now, now,
            ])
    }
}
