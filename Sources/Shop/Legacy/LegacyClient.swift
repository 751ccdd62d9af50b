import Foundation
import GRDB

/// A client as the old system stored it, in a `clientes` row or inside a sale's `detalle`.
struct LegacyClient {
    var idNumber: String
    var name: String?
    var phone: String?
    var email: String?
    var address: String?
    var neighborhood: String?
    var notes: String?

    init(row: Row) {
        idNumber = Self.string(row["cedula"]) ?? ""
        name = row["nombre_completo"]
        phone = Self.string(row["telefono"])
        email = row["correo"]
        address = row["direccion"]
        neighborhood = row["barrio"]
        notes = row["indicaciones_adicionales"]
    }

    /// From a sale's `detalle.datos_cliente` JSON object.
    init?(json: [String: Any]) {
        func field(_ key: String) -> String? {
            if let text = json[key] as? String { return text }
            if let number = json[key] as? NSNumber { return number.stringValue }
            return nil
        }
        guard let idNumber = field("cedula") else { return nil }
        self.idNumber = idNumber
        name = field("nombre_completo") ?? field("nombre")
        phone = field("telefono")
        email = field("correo")
        address = field("direccion")
        neighborhood = field("barrio")
        notes = field("indicaciones_adicionales") ?? field("indicaciones")
    }

    private static func string(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): return text
        case .int64(let int): return String(int)
        default: return nil
        }
    }

    /// The data under this system's rules: a bad cédula or name skips the record (nil, with a
    /// note); a bad phone or e-mail is dropped and long texts are cut, each with a note.
    func details(report: inout LegacyImportReport, context: String) -> ClientDetails? {
        let idNumber: String
        do {
            idNumber = try Validation.idNumber(self.idNumber)
        } catch {
            report.notes.append("\(context): omitido (cédula: \(error.message))")
            return nil
        }
        let name: String
        do {
            name = try Validation.name(self.name ?? "")
        } catch {
            report.notes.append("\(context): omitido (nombre: \(error.message))")
            return nil
        }
        var phone: String?
        if let raw = self.phone, !raw.trimmingWhitespace().isEmpty {
            do { phone = try Validation.phone(raw) } catch {
                report.notes.append("\(context): teléfono «\(raw.prefix(40))» descartado (\(error.message))")
            }
        }
        var email: String?
        if let raw = self.email, !raw.trimmingWhitespace().isEmpty {
            do { email = try Validation.email(raw) } catch {
                report.notes.append("\(context): correo «\(raw.prefix(60))» descartado (\(error.message))")
            }
        }
        func cut(_ text: String?, _ limit: Int, _ label: String) -> String? {
            guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
            if text.count > limit { report.notes.append("\(context): \(label) recortado a \(limit) caracteres") }
            return String(text.prefix(limit))
        }
        return ClientDetails(
            idNumber: idNumber, name: name, phone: phone, email: email,
            address: cut(address, ClientDetails.maxAddressLength, "dirección"),
            neighborhood: cut(neighborhood, ClientDetails.maxNeighborhoodLength, "barrio"),
            notes: cut(notes, ClientDetails.maxNotesLength, "indicaciones"))
    }
}
