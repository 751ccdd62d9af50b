import Foundation
import Logging
import Synchronization

/// The log handler of both executables: one line per message on standard error, in the
/// format of swift-log's `StreamLogHandler`
/// (`2026-11-25T14:30:44+0000 warning vendedor-workers: cola=chat [Core] mensaje`), but
/// metadata is formatted only when a line is written. `StreamLogHandler` formats all of a
/// logger's metadata again each time a key is set; Hummingbird sets a request id on every
/// request's logger, and that alone took about 4% of the front end's CPU under load.
public struct LineLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String

    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    /// Makes it the process's handler, once (later calls do nothing). With `file` (the
    /// `LOG_FILE` setting), every line is also appended to that file (created if missing);
    /// a file that cannot be opened is reported once on standard error and skipped.
    ///
    /// `format` (the `LOG_FORMAT` setting): `.json` writes one JSON object per line
    /// (`ts`, `level`, `label`, `source`, `message`, then the metadata keys), for log shippers.
    public static func bootstrap(file: String? = nil, format: LogFormat = .text) {
        lineFormat.withLock { $0 = format }
        if let file, !file.isEmpty {
            let fd = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
            if fd >= 0 {
                fileDescriptor.withLock { $0 = fd }
            } else {
                let line = "vendedor: no se pudo abrir LOG_FILE \(file): \(String(cString: strerror(errno)))\n"
                _ = line.withCString { write(2, $0, strlen($0)) }
            }
        }
        _ = bootstrapped
    }

    /// The `LOG_FILE` descriptor, or -1.
    private static let fileDescriptor = Mutex<Int32>(-1)

    private static let bootstrapped: Void = {
        LoggingSystem.bootstrap { label in
            LineLogHandler(label: label, metadataProvider: LoggingSystem.metadataProvider)
        }
    }()

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            all.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            all.merge(explicit) { _, new in new }
        }
        if let error = event.error {
            all["error.message"] = "\(error)"
            all["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        var line =
            Self.lineFormat.withLock({ $0 }) == .json
            ? Self.jsonLine(
                timestamp: Self.timestamp(), level: event.level, label: label, metadata: all, source: event.source,
                message: event.message)
            : Self.line(
                timestamp: Self.timestamp(), level: event.level, label: label, metadata: all, source: event.source,
                message: event.message)
        let file = Self.fileDescriptor.withLock { $0 }
        Self.output.withLock { _ in
            line.withUTF8 { bytes in
                Self.writeAll(2, bytes)
                if file >= 0 { Self.writeAll(file, bytes) }
            }
        }
    }

    /// One log line, as `StreamLogHandler` writes it (metadata sorted by key).
    static func line(
        timestamp: String, level: Logger.Level, label: String, metadata: Logger.Metadata, source: String,
        message: Logger.Message
    ) -> String {
        let pretty = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        return "\(timestamp) \(level) \(label):\(pretty) [\(source)] \(message)\n"
    }

    /// One log line as a JSON object. Metadata whose key names a credential (token, secret,
    /// password, authorization, api key) is written as `"[oculto]"`.
    static func jsonLine(
        timestamp: String, level: Logger.Level, label: String, metadata: Logger.Metadata, source: String,
        message: Logger.Message
    ) -> String {
        var object: [String: Any] = [:]
        for (key, value) in metadata {
            let lower = key.lowercased()
            let secret = ["token", "secret", "password", "authorization", "api_key", "apikey"].contains {
                lower.contains($0)
            }
            object[key] = secret ? "[oculto]" : "\(value)"
        }
        object["ts"] = timestamp
        object["level"] = level.rawValue
        object["label"] = label
        object["source"] = source
        object["message"] = "\(message)"
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{\"message\":\"(línea de log no representable)\"}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static let lineFormat = Mutex<LogFormat>(.text)

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, base + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
    }

    /// One line at a time on standard error, whichever thread logs.
    private static let output = Mutex(())

    private static func timestamp() -> String {
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil else { return "<desconocida>" }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// How log lines are written (`LOG_FORMAT`).
public enum LogFormat: String, Sendable {
    case text, json
}
