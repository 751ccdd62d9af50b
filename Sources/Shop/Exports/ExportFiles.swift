import Foundation

/// The exports directory: finished files are named `e<expiry>_<job id>.<ext>`, so the sweep
/// knows from the name alone when a file may go; `.part` files are exports in progress.
public struct ExportFiles: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Partial files older than this are leftovers of a worker that died mid-export.
    static let partialMaxAge: TimeInterval = 86_400

    public func fileName(jobId: String, expires: Int, format: ExportFormat) -> String {
        "e\(expires)_\(jobId).\(format.fileExtension)"
    }

    public func path(of name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    public func createDirectory() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// True for names this type makes: no path separators, no dot files.
    public static func isSafeName(_ name: String) -> Bool {
        SafeFileName.isSafe(name)
    }

    /// The expiry (Unix seconds) written in a finished export's name.
    public static func expiry(ofFileName name: String) -> Int? {
        guard name.hasPrefix("e"), let underscore = name.firstIndex(of: "_") else { return nil }
        return Int(name[name.index(after: name.startIndex)..<underscore])
    }

    /// Removes what an earlier attempt of the same job left (finished or not).
    public func removeFiles(ofJob jobId: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where name.contains("_\(jobId).") {
            try? FileManager.default.removeItem(atPath: path(of: name))
        }
    }

    /// Deletes expired exports and stale partial files; returns how many files went.
    @discardableResult
    public func sweep(now: Date = Date()) -> Int {
        let seconds = Int(now.timeIntervalSince1970)
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let file = path(of: name)
            let expired: Bool
            if name.hasSuffix(".part") {
                let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate]) as? Date
                expired = modified.map { now.timeIntervalSince($0) > Self.partialMaxAge } ?? false
            } else if let expiry = Self.expiry(ofFileName: name) {
                expired = expiry <= seconds
            } else {
                expired = false
            }
            if expired, (try? FileManager.default.removeItem(atPath: file)) != nil { removed += 1 }
        }
        return removed
    }

    /// What the download is called: "ventas-2025-03-01-1015.csv" (shop time of the export).
    public static func downloadName(_ resource: ExportResource, _ format: ExportFormat, at date: Date) -> String {
        let local = Int(date.timeIntervalSince1970) + ShopCalendar.utcOffsetSeconds
        let minutes = ((local % 86_400) + 86_400) % 86_400 / 60
        let time = String(format: "%02d%02d", minutes / 60, minutes % 60)
        return "\(resource.rawValue)-\(ShopCalendar.day(of: date))-\(time).\(format.fileExtension)"
    }
}
