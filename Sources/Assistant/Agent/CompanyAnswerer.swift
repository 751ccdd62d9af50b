import Foundation
import SpanishText
import Synchronization

/// Answers questions about the shop (shipping, hours, services, location, contact,
/// payment) from the active company text: it finds what the question is about, then
/// quotes the lines of the text that speak of it. What the text does not say is never
/// made up: the reply says so and gives the shop's contact lines.
public struct CompanyAnswerer: Sendable {
    public enum Topic: String, Sendable, CaseIterable {
        case shipping = "envios", hours = "horario", location = "ubicacion", services = "servicios", contact =
            "contacto", payments = "pagos", company = "empresa"
    }

    /// Phrases that ask about each topic (folded).
    static let asks: [Topic: [String]] = [
        .shipping: [
            "envio", "envios", "envian", "despacho", "despachos", "despachan", "domicilio", "domicilios", "entregas",
            "entregan", "llegan", "cobertura", "mandan", "transportadora", "flete", "demora", "demoran", "tarda",
            "tardan", "hacen envios",
        ],
        .hours: [
            "horario", "horarios", "a que hora", "abren", "cierran", "atienden", "sabados", "domingos", "festivos",
        ],
        .location: [
            "ubicados", "ubicacion", "donde quedan", "donde estan", "donde queda", "donde los encuentro", "sede",
            "como llego", "su direccion", "direccion de ustedes", "direccion del almacen",
        ],
        .services: [
            "servicio", "servicios", "mantenimiento", "recarga", "recargan", "recargas", "instalacion", "instalan",
            "capacitacion", "capacitaciones", "cursos", "curso", "asesoria", "inspeccion", "que hacen",
            "a que se dedican", "que ofrecen",
        ],
        .contact: [
            "contacto", "whatsapp", "su telefono", "su numero", "numero de ustedes", "telefono de ustedes", "pagina",
            "pagina web", "redes", "su correo",
        ],
        .payments: [
            "pago", "pagos", "pagar", "pagarle", "pagarles", "pagamos", "contra entrega", "contraentrega", "nequi",
            "daviplata", "tarjeta", "tarjetas", "transferencia", "transferencias", "efectivo", "credito", "factura",
            "facturan", "facturar", "facturacion", "consignacion", "consignar",
        ],
        .company: ["quienes son", "experiencia", "mision", "certificados", "normas", "garantia", "empresa de ustedes"],
    ]

    /// Words that make a passage of the company text (or its section title) relevant to a topic.
    static let lineWords: [Topic: Set<String>] = [
        .shipping: ["despachos", "despacho", "domicilio", "cobertura", "envio", "envios", "pais", "suroccidente"],
        .hours: ["horario", "horarios", "lunes", "sabado", "sabados", "am", "pm"],
        .location: ["direccion", "sede", "ubicacion", "ubicados", "carrera", "calle"],
        .services: [
            "servicios", "mantenimiento", "recarga", "recargamos", "instalacion", "instalamos", "asesoria", "cursos",
            "capacitacion", "inspeccion", "inspecciones", "hacemos", "mantenemos", "fabricamos", "dotacion",
            "senalizacion",
        ],
        .contact: ["telefono", "movil", "celular", "correos", "correo", "sitio", "pagina", "redes", "whatsapp"],
        .payments: ["pago", "pagos", "contraentrega", "nequi", "tarjeta", "transferencia", "efectivo", "credito"],
        .company: ["experiencia", "empresa", "mision", "valores", "procesos", "certificados", "normatividad", "somos"],
    ]

    /// A bullet or paragraph of the company text, with the title of its section.
    struct Passage {
        var text: String
        var section: String
    }

    let passages: [Passage]
    public let shopName: String?

    public init(companyText: String) {
        let parsed = Self.parse(companyText)
        passages = parsed.passages
        shopName = parsed.title ?? Self.nameFromFirstSentence(parsed.passages.first?.text)
    }

    /// The answerer of `companyText`, parsed once per text: every turn reads the same
    /// company text until staff change it, so the last one parsed is kept.
    public static func cached(companyText: String) -> CompanyAnswerer {
        last.withLock { last in
            if let last, last.text == companyText { return last.answerer }
            let made = CompanyAnswerer(companyText: companyText)
            last = (companyText, made)
            return made
        }
    }

    private static let last = Mutex<(text: String, answerer: CompanyAnswerer)?>(nil)

    /// The topic a message asks about, if it asks about the shop.
    public static func topic(of words: Words) -> Topic? {
        for topic in Topic.allCases {
            if (asks[topic] ?? []).contains(where: { asks($0, in: words) }) { return topic }
        }
        return nil
    }

    /// Phrases that ask about the shop only where they open the question ("¿qué hacen?",
    /// "y ustedes qué hacen"), not inside a clause about something else ("unas máquinas que
    /// hacen mucho ruido… ¿qué tienen para eso?").
    static let openingPhrases: Set<String> = ["que hacen"]
    /// Words after which an opening phrase still opens the question.
    static let questionOpeners: Set<String> = ["y", "ustedes", "uds", "pero", "hola", "buenas", "bueno", "entonces"]

    /// Whether `phrase` occurs in the message as a question about the shop; one pass.
    static func asks(_ phrase: String, in words: Words) -> Bool {
        guard openingPhrases.contains(phrase) else { return words.contains(phrase: phrase) }
        let parts = phrase.split(separator: " ").map(String.init)
        return words.words.indices.contains { index in
            words.hasPhrase(parts, at: index)
                && (index == 0 || words.words[index].afterMark || questionOpeners.contains(words[index - 1]))
        }
    }

    /// The passages answering `topic`, best first (at most three); empty when the text does not say.
    public func answer(_ topic: Topic, question: Words) -> [String] {
        let wanted = Self.lineWords[topic] ?? []
        let generic: Set<String> = ["servicio", "servicios", "hacen", "ofrecen", "tienen", "manejan"]
        let asked = WordForms.contentWords(question.texts).filter { !generic.contains($0) }
        let scored: [(Int, Int, String)] = passages.enumerated().compactMap { index, passage in
            let words = Set(Words(passage.text).texts)
            let heading = Set(Words(passage.section).texts)
            let topical = words.intersection(wanted).count + 2 * heading.intersection(wanted).count
            guard topical > 0 else { return nil }
            let specific = words.filter { word in asked.contains { WordForms.same($0, word) } }.count
            return (topical + 3 * specific, index, passage.text)
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(3).map(\.2)
    }

    /// Phone lines, for questions the text does not answer.
    public var contactLines: [String] {
        passages.map(\.text).filter { text in
            ["telefono", "movil", "celular", "whatsapp"].contains(Words(text).at(0))
        }
    }

    /// Markdown as shop owners write it: "#" titles, "- " bullets (wrapped lines continue
    /// them), paragraphs, "**bold**" marks; a line ending in ":" is a section title too.
    static func parse(_ text: String) -> (title: String?, passages: [Passage]) {
        var title: String?
        var section = ""
        var passages: [Passage] = []
        var current: String?
        func close() {
            if let text = current?.trimmingWhitespace(), !text.isEmpty {
                passages.append(Passage(text: text, section: section))
            }
            current = nil
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).replacingOccurrences(of: "**", with: "").trimmingWhitespace()
            if line.isEmpty {
                close()
            } else if line.hasPrefix("#") {
                close()
                let heading = String(line.drop { $0 == "#" }).trimmingWhitespace()
                if line.hasPrefix("# "), title == nil { title = heading }
                section = heading
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") {
                close()
                current = String(line.dropFirst(2))
            } else if line.hasSuffix(":"), current == nil {
                section = String(line.dropLast())
            } else {
                current = current.map { $0 + " " + line } ?? line
            }
        }
        close()
        return (title, passages)
    }

    /// "Sextinvalle Ltda es una empresa…" → "Sextinvalle Ltda".
    static func nameFromFirstSentence(_ text: String?) -> String? {
        guard let text, let range = text.range(of: " es ") else { return nil }
        let name = String(text[..<range.lowerBound])
        return name.count <= 40 ? name : nil
    }
}
