import Foundation
import Support

/// Where a job is in its life. Raw values are what the job record's `estado` field holds
/// and what `GET /jobs/{id}` shows.
public enum JobState: String, Sendable, Codable, CaseIterable {
    case queued = "encolado"
    case running = "procesando"
    case completed = "completado"
    case failed = "fallido"
    case dead = "muerto"

    /// Completed, failed for good or dead-lettered: nothing more will happen to it.
    public var isFinished: Bool {
        switch self {
        case .completed, .failed, .dead: true
        case .queued, .running: false
        }
    }
}

/// A job's public status, as `GET /jobs/{id}` shows it.
public struct JobStatus: Sendable, Encodable, Equatable {
    public struct Progress: Sendable, Codable, Equatable {
        public var facts: Int
        public var total: Int

        enum CodingKeys: String, CodingKey {
            case facts = "hechos"
            case total
        }
    }

    public var id: String
    public var kind: String
    public var queue: String
    public var state: JobState
    public var attempts: Int
    public var progress: Progress?
    /// The stored result JSON (kept as raw JSON text).
    public var result: String?
    public var error: String?
    public var created: Date
    public var updated: Date
    /// Subject of the token that enqueued it ("" when unknown); not shown.
    public var owner: String
    /// The job record's field holding `owner` (written by enqueue.lua).
    public static let ownerField = "dueno"

    public var isFinished: Bool { state.isFinished }

    /// Builds a status from the job hash's fields.
    public init?(id: String, fields: [String: String]) {
        guard let kind = fields["tipo"], let state = fields["estado"].flatMap(JobState.init(rawValue:)) else {
            return nil
        }
        self.id = id
        self.kind = kind
        self.queue = fields["cola"] ?? ""
        self.owner = fields[Self.ownerField] ?? ""
        self.state = state
        self.attempts = Int(fields["intentos"] ?? "0") ?? 0
        if let text = fields["progreso"], let slash = text.firstIndex(of: "/"),
            let done = Int(text[..<slash]), let total = Int(text[text.index(after: slash)...])
        {
            self.progress = Progress(facts: done, total: total)
        }
        self.result = fields["resultado"].flatMap { $0.isEmpty ? nil : $0 }
        self.error = fields["error"].flatMap { $0.isEmpty ? nil : $0 }
        let created = Int(fields["creado"] ?? "0") ?? 0
        self.created = Date(timeIntervalSince1970: Double(created) / 1000)
        self.updated = Date(timeIntervalSince1970: Double(Int(fields["actualizado"] ?? "") ?? created) / 1000)
    }

    enum CodingKeys: String, CodingKey {
        case id, kind = "tipo", queue = "cola", state = "estado", attempts = "intentos", progress = "progreso", result =
            "resultado", error, created = "creado", updated = "actualizado"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(queue, forKey: .queue)
        try container.encode(state, forKey: .state)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(progress, forKey: .progress)
        if let result, let raw = try? JSONDecoder().decode(JSONValue.self, from: Data(result.utf8)) {
            try container.encode(raw, forKey: .result)
        } else {
            try container.encodeNil(forKey: .result)
        }
        try container.encode(error, forKey: .error)
        try container.encode(created, forKey: .created)
        try container.encode(updated, forKey: .updated)
    }
}
