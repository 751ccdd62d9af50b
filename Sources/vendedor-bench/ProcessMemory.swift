import Foundation

/// Resident memory of a process from `/proc/<pid>/status` (Linux): `VmRSS` now, `VmHWM` the
/// peak since start or since `resetPeak`.
enum ProcessMemory {
    /// The value of `field` ("VmRSS", "VmHWM") in bytes; nil where /proc is unavailable.
    static func bytes(_ field: String, pid: String = "self") -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Sets the process's peak back to its current resident size (writes "5" to
    /// /proc/<pid>/clear_refs); false when the kernel refuses.
    @discardableResult
    static func resetPeak(pid: String = "self") -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/\(pid)/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    /// User plus system CPU time of this process so far (all threads), in seconds: on a
    /// shared machine a steadier figure than wall time.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
}
