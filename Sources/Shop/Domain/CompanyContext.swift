import Foundation

/// A version of the company text the agent answers company questions from.
public struct CompanyContext: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var version: Int
    public var content: String
    public var active: Bool
    public var created: Date

    public init(id: Int64, version: Int, content: String, active: Bool, created: Date) {
        self.id = id
        self.version = version
        self.content = content
        self.active = active
        self.created = created
    }

    public static let maxLength = 50_000

    enum CodingKeys: String, CodingKey {
        case id
        case version
        case content = "contenido"
        case active = "activo"
        case created = "creado"
    }
}
