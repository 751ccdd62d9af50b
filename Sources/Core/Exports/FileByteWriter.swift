import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file through one fixed buffer with `write(2)`: the exporters' only output path,
/// so rows never become Strings or Data. Memory stays at the buffer's size whatever the file's.
///
/// The append methods don't throw (they sit in the per-cell loop); the first I/O error is
/// kept, later writes are dropped, and `check()` / `close()` throw it.
final class FileByteWriter {
    struct IOError: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    let path: String
    private var fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var flushed = 0
    private var failure: IOError?

    /// Creates (or truncates) the file at `path`.
    init(path: String, capacity: Int = 1 << 20) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw IOError(operation: "open", path: path, code: errno) }
        self.path = path
        self.fd = fd
        self.capacity = max(capacity, 64)
        self.buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
        buffer.deallocate()
    }

    /// Bytes written so far (buffered ones included).
    var bytesWritten: Int { flushed + count }

    /// Makes room for `needed` bytes (at most the buffer's capacity).
    @inline(__always) func reserve(_ needed: Int) {
        if count + needed > capacity { flush() }
    }

    @inline(__always) func byte(_ value: UInt8) {
        if count == capacity { flush() }
        buffer[count] = value
        count += 1
    }

    /// A byte the caller already made room for with `reserve`.
    @inline(__always) func reservedByte(_ value: UInt8) {
        buffer[count] = value
        count += 1
    }

    @inline(__always) func bytes(_ source: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity {
            flush()
            if length > capacity {
                writeAll(UnsafeRawPointer(source), length)
                return
            }
        }
        (buffer + count).update(from: source, count: length)
        count += length
    }

    func ascii(_ text: StaticString) {
        bytes(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Text outside the hot loop (headers, fixed XML).
    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if let base = utf8.baseAddress { bytes(base, utf8.count) }
        }
    }

    /// A signed integer in decimal.
    @inline(__always) func integer(_ value: Int64) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 { reservedByte(UInt8(ascii: "-")) }
        if magnitude < 10 {
            reservedByte(UInt8(truncatingIfNeeded: magnitude) &+ 48)
            return
        }
        var digits = 0
        var probe = magnitude
        while probe > 0 {
            digits += 1
            probe /= 10
        }
        var position = count + digits - 1
        while magnitude > 0 {
            buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
            magnitude /= 10
            position -= 1
        }
        count += digits
    }

    /// `value` with exactly `width` digits, zero-padded (dates and times).
    @inline(__always) func padded(_ value: Int, width: Int) {
        reserve(width)
        var rest = value
        var position = count + width - 1
        while position >= count {
            buffer[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 48
            rest /= 10
            position -= 1
        }
        count += width
    }

    /// Hands the buffered bytes to the kernel.
    func flush() {
        if count > 0 { writeAll(UnsafeRawPointer(buffer), count) }
        count = 0
    }

    /// Throws the first I/O error, if any.
    func check() throws {
        if let failure { throw failure }
    }

    /// Flushes, syncs to disk and closes; throws the first I/O error.
    func close() throws {
        flush()
        if failure == nil, fsync(fd) != 0 { failure = IOError(operation: "fsync", path: path, code: errno) }
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
        try check()
    }

    private func writeAll(_ start: UnsafeRawPointer, _ length: Int) {
        guard failure == nil else { return }
        var offset = 0
        while offset < length {
            let written = write(fd, start + offset, length - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = IOError(operation: "write", path: path, code: errno)
                return
            }
            offset += written
        }
        flushed += length
    }
}
