import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The process environment merged with an optional `.env` file (real environment wins).
///
/// This is the only place that reads the environment; everything else receives a config
/// value built from it.
public struct Environment: Sendable {
    public var values: [String: String]
    /// The keys the `.env` file set (the ones a start-up warning may call unknown).
    public var dotEnvKeys: Set<String> = []
    /// When set, every key read is recorded (tests check that each is documented).
    public var recorder: KeyRecorder?

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// Reads `ProcessInfo` and, when present, `.env` in the working directory.
    public static func load(dotEnvPath: String = ".env") -> Environment {
        let file = Self.parseDotEnv(path: dotEnvPath)
        var merged = file
        for (key, value) in ProcessInfo.processInfo.environment {
            merged[key] = value
        }
        var environment = Environment(merged)
        environment.dotEnvKeys = Set(file.keys)
        return environment
    }

    public subscript(_ key: String) -> String? {
        recorder?.record(key)
        guard let value = values[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// The keys a configuration read.
    public final class KeyRecorder: Sendable {
        private let box = Mutex(Set<String>())

        public init() {}

        func record(_ key: String) { box.withLock { _ = $0.insert(key) } }

        public var keys: Set<String> { box.withLock { $0 } }
    }

    public func string(_ key: String, default fallback: String) -> String {
        self[key] ?? fallback
    }

    public func int(_ key: String, default fallback: Int) throws(ConfigError) -> Int {
        guard let raw = self[key] else { return fallback }
        guard let value = Int(raw) else { throw ConfigError(setting: key, problem: "debe ser un número entero") }
        return value
    }

    public func double(_ key: String, default fallback: Double) throws(ConfigError) -> Double {
        guard let raw = self[key] else { return fallback }
        guard let value = Double(raw) else { throw ConfigError(setting: key, problem: "debe ser un número") }
        return value
    }

    /// One of a closed set of values.
    public func choice(_ key: String, _ allowed: [String], default fallback: String) throws(ConfigError) -> String {
        let value = (self[key] ?? fallback).lowercased()
        guard allowed.contains(value) else {
            throw ConfigError(setting: key, problem: "debe ser uno de: \(allowed.joined(separator: ", "))")
        }
        return value
    }

    static func parseDotEnv(path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line.removeFirst(7) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            result[key] = value
        }
        return result
    }
}

/// A missing or malformed setting; the process stops at start with `description` as one line.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public var setting: String
    public var problem: String

    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "Configuración inválida: \(setting) \(problem)." }
}
