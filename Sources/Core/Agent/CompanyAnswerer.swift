import Foundation

/// Answers questions about the shop (shipping, hours, services, location, contact,
/// payment) from the active company text: it finds what the question is about, then
/// quotes the lines of the text that speak of it. What the text does not say is never
/// made up: the reply says so and gives the shop's contact lines.
public struct CompanyAnswerer: Sendable {
    public enum Topic: String, Sendable, CaseIterable {
        case envios, horario, ubicacion, servicios, contacto, pagos, empresa
    }

    /// Phrases that ask about each topic (folded).
    static let asks: [Topic: [String]] = [
        .envios: [
            "envio", "envios", "envian", "despacho", "despachos", "despachan", "domicilio", "domicilios", "entregas",
            "entregan", "llegan", "cobertura", "mandan", "transportadora", "flete", "demora", "demoran", "tarda",
            "tardan", "hacen envios",
        ],
        .horario: [
            "horario", "horarios", "a que hora", "abren", "cierran", "atienden", "sabados", "domingos", "festivos",
        ],
        .ubicacion: [
            "ubicados", "ubicacion", "donde quedan", "donde estan", "donde queda", "donde los encuentro", "sede",
            "como llego", "su direccion", "direccion de ustedes", "direccion del almacen",
        ],
        .servicios: [
            "servicio", "servicios", "mantenimiento", "recarga", "recargan", "recargas", "instalacion", "instalan",
            "capacitacion", "capacitaciones", "cursos", "curso", "asesoria", "inspeccion", "que hacen",
            "a que se dedican", "que ofrecen",
        ],
        .contacto: [
            "contacto", "whatsapp", "su telefono", "su numero", "numero de ustedes", "telefono de ustedes", "pagina",
            "pagina web", "redes", "su correo",
        ],
        .pagos: [
            "pago", "pagos", "pagar", "contra entrega", "contraentrega", "nequi", "daviplata", "tarjeta",
            "transferencia", "efectivo", "credito", "factura", "facturan", "consignacion",
        ],
        .empresa: ["quienes son", "experiencia", "mision", "certificados", "normas", "garantia", "empresa de ustedes"],
    ]

    /// Words that make a line of the company text relevant to a topic.
    static let lineWords: [Topic: Set<String>] = [
        .envios: ["despachos", "despacho", "domicilio", "cobertura", "envio", "envios", "pais", "suroccidente"],
        .horario: ["horario", "horarios", "lunes", "sabado", "sabados", "am", "pm"],
        .ubicacion: ["direccion", "sede", "cali", "ubicados"],
        .servicios: [
            "servicios", "mantenimiento", "recarga", "instalacion", "asesoria", "cursos", "capacitacion", "inspeccion",
            "venta", "senalizacion",
        ],
        .contacto: ["telefono", "movil", "correos", "correo", "pagina", "redes", "whatsapp"],
        .pagos: ["pago", "pagos", "contraentrega", "nequi", "tarjeta", "transferencia", "efectivo", "credito"],
        .empresa: ["experiencia", "empresa", "mision", "valores", "procesos", "certificados", "normatividad"],
    ]

    let lines: [String]

    public init(companyText: String) {
        lines = Self.split(companyText)
    }

    /// The topic a message asks about, if it asks about the shop.
    public static func topic(of words: Words) -> Topic? {
        for topic in Topic.allCases {
            if words.containsAny(phrases: asks[topic] ?? []) { return topic }
        }
        return nil
    }

    /// The shop's name as its text introduces it ("Sextinvalle Ltda es…" → "Sextinvalle Ltda").
    public var shopName: String? {
        guard let first = lines.first, let range = first.range(of: " es ") else { return nil }
        let name = String(first[..<range.lowerBound])
        return name.count <= 40 ? name : nil
    }

    /// The lines answering `topic`, best first (at most three); empty when the text does not say.
    public func answer(_ topic: Topic, question: Words) -> [String] {
        let wanted = Self.lineWords[topic] ?? []
        let asked = Set(WordForms.contentWords(question.texts))
        let scored: [(Int, Int, String)] = lines.enumerated().compactMap { index, line in
            let words = Set(Words(line).texts)
            let topical = words.intersection(wanted).count
            guard topical > 0 else { return nil }
            let specific = words.filter { word in asked.contains { WordForms.same($0, word) } }.count
            return (topical + 2 * specific, index, line)
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(3).map(\.2)
    }

    /// Phone and e-mail lines, for questions the text does not answer.
    public var contactLines: [String] {
        lines.filter { line in
            let words = Set(Words(line).texts)
            return words.contains("telefono") || words.contains("movil")
        }
    }

    /// Bullets and sentences of the text, without Markdown marks or headings.
    static func split(_ text: String) -> [String] {
        var result: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingWhitespace()
            while line.hasPrefix("-") || line.hasPrefix("•") || line.hasPrefix("*") {
                line = String(line.dropFirst()).trimmingWhitespace()
            }
            line = line.replacingOccurrences(of: "**", with: "")
            guard !line.isEmpty, !line.hasSuffix(":") else { continue }
            result.append(line)
        }
        return result
    }
}
