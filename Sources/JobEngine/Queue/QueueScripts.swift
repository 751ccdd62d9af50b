import Foundation

/// The queue engine's Lua scripts; each is `common.lua` followed by the script's own file.
public struct QueueScripts: Sendable {
    public var enqueue: RedisScript
    public var start: RedisScript
    public var finish: RedisScript
    public var promote: RedisScript
    public var redrive: RedisScript
    public var watch: RedisScript
    /// Moves jobs left in an earlier engine's streams into the ready lists (at prepare).
    public var upgrade: RedisScript
    /// Pushes a worker's running entries' lease deadlines forward (Redis' clock).
    public var renew: RedisScript

    public var all: [RedisScript] { [enqueue, start, finish, promote, redrive, watch, upgrade, renew] }

    static func load(directory: URL) throws -> QueueScripts {
        func read(_ name: String) throws -> String {
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw QueueDefinitionError(file: path, field: "(archivo)", problem: "no existe o no se puede leer")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let common = try read("common.lua")
        func script(_ name: String) throws -> RedisScript {
            RedisScript(name: name, source: common + "\n" + (try read("\(name).lua")))
        }
        return QueueScripts(
            enqueue: try script("enqueue"), start: try script("start"), finish: try script("finish"),
            promote: try script("promote"), redrive: try script("redrive"),
            watch: try script("watch"), upgrade: try script("upgrade"), renew: try script("renew"))
    }
}
