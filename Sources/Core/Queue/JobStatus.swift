import Foundation

/// A job's public status, as `GET /jobs/{id}` shows it.
public struct JobStatus: Sendable, Encodable, Equatable {
    public struct Progress: Sendable, Codable, Equatable {
        public var hechos: Int
        public var total: Int
    }

    public var id: String
    public var tipo: String
    public var cola: String
    public var estado: String
    public var intentos: Int
    public var progreso: Progress?
    /// The stored result JSON (kept as raw JSON text).
    public var resultado: String?
    public var error: String?
    public var creado: Date
    public var actualizado: Date
    /// Subject of the token that enqueued it ("" when unknown); not shown.
    public var owner: String
    /// The job record's field holding `owner` (written by enqueue.lua).
    public static let ownerField = "dueno"

    public var isFinished: Bool { ["completado", "fallido", "muerto"].contains(estado) }

    /// Builds a status from the job hash's fields.
    public init?(id: String, fields: [String: String]) {
        guard let tipo = fields["tipo"], let estado = fields["estado"] else { return nil }
        self.id = id
        self.tipo = tipo
        self.cola = fields["cola"] ?? ""
        self.owner = fields[Self.ownerField] ?? ""
        self.estado = estado
        self.intentos = Int(fields["intentos"] ?? "0") ?? 0
        if let text = fields["progreso"], let slash = text.firstIndex(of: "/"),
            let done = Int(text[..<slash]), let total = Int(text[text.index(after: slash)...])
        {
            self.progreso = Progress(hechos: done, total: total)
        }
        self.resultado = fields["resultado"].flatMap { $0.isEmpty ? nil : $0 }
        self.error = fields["error"].flatMap { $0.isEmpty ? nil : $0 }
        let created = Int(fields["creado"] ?? "0") ?? 0
        self.creado = Date(timeIntervalSince1970: Double(created) / 1000)
        self.actualizado = Date(timeIntervalSince1970: Double(Int(fields["actualizado"] ?? "") ?? created) / 1000)
    }

    enum CodingKeys: String, CodingKey {
        case id, tipo, cola, estado, intentos, progreso, resultado, error, creado, actualizado
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(tipo, forKey: .tipo)
        try container.encode(cola, forKey: .cola)
        try container.encode(estado, forKey: .estado)
        try container.encode(intentos, forKey: .intentos)
        try container.encode(progreso, forKey: .progreso)
        if let resultado, let raw = try? JSONDecoder().decode(JSONValue.self, from: Data(resultado.utf8)) {
            try container.encode(raw, forKey: .resultado)
        } else {
            try container.encodeNil(forKey: .resultado)
        }
        try container.encode(error, forKey: .error)
        try container.encode(creado, forKey: .creado)
        try container.encode(actualizado, forKey: .actualizado)
    }
}
