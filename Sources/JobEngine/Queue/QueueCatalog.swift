import Foundation

/// Every queue definition and queue script, loaded from the queues directory at start.
public struct QueueCatalog: Sendable {
    public var queues: [String: QueueDefinition]
    public var scripts: QueueScripts

    public init(queues: [String: QueueDefinition], scripts: QueueScripts) {
        self.queues = queues
        self.scripts = scripts
    }

    public func queue(_ name: String) throws(QueueDefinitionError) -> QueueDefinition {
        guard let queue = queues[name] else {
            throw QueueDefinitionError(file: "queues/\(name).json", field: "name", problem: "no existe esa cola")
        }
        return queue
    }

    /// Loads `*.json` definitions and the Lua scripts from `directory`.
    public static func load(directory: String) throws -> QueueCatalog {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            throw QueueDefinitionError(
                file: directory, field: "(carpeta)",
                problem: "no se puede leer (¿se ejecuta desde la raíz del repositorio?)")
        }
        var queues: [String: QueueDefinition] = [:]
        for file in files where file.hasSuffix(".json") {
            let path = url.appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw QueueDefinitionError(file: path, field: "(archivo)", problem: "no se puede leer")
            }
            let definition = try QueueDefinition.parse(data, file: path)
            queues[definition.name] = definition
        }
        guard !queues.isEmpty else {
            throw QueueDefinitionError(file: directory, field: "(carpeta)", problem: "no tiene definiciones de colas")
        }
        return QueueCatalog(queues: queues, scripts: try QueueScripts.load(directory: url))
    }
}
