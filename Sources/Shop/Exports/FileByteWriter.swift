import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file through two fixed buffers with `write(2)`: the exporters' only output path,
/// so rows never become Strings or Data. While one buffer fills, the other is written by a
/// serial I/O queue (the kernel's copy runs beside the row loop); memory stays at the two
/// buffers whatever the file's size.
///
/// The append methods don't throw (they sit in the per-cell loop); the first I/O error is
/// kept, later writes are dropped, and `check()` / `close()` throw it. One thread appends;
/// the hand-off of the full buffer is ordered by the `idle` semaphore.
final class FileByteWriter: @unchecked Sendable {
    struct IOError: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }

    /// A full buffer on its way to the kernel.
    private struct Chunk: @unchecked Sendable {
        var start: UnsafeMutablePointer<UInt8>
        var length: Int
    }

    let path: String
    private var fd: Int32
    /// The buffer being filled, and the one the I/O queue writes (or that waits idle).
    private var buffer: UnsafeMutablePointer<UInt8>
    private var spare: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    private var flushed = 0
    private let failure = Mutex<IOError?>(nil)
    private let io = DispatchQueue(label: "vendedor.exportar.escritura")
    /// Signalled when `spare` is free (no write in flight).
    private let idle = DispatchSemaphore(value: 1)

    /// Creates (or truncates) the file at `path`.
    init(path: String, capacity: Int = 256 << 10) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw IOError(operation: "open", path: path, code: errno) }
        self.path = path
        self.fd = fd
        self.capacity = max(capacity, 64)
        self.buffer = .allocate(capacity: self.capacity)
        self.spare = .allocate(capacity: self.capacity)
    }

    deinit {
        idle.wait()  // no write in flight; libdispatch wants the semaphore back at its start value
        idle.signal()
        if fd >= 0 { Glibc.close(fd) }
        buffer.deallocate()
        spare.deallocate()
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
                idle.wait()
                writeAll(Chunk(start: UnsafeMutablePointer(mutating: source), length: length))
                flushed += length
                idle.signal()
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

    /// A signed integer in decimal, two digits at a time.
    @inline(__always) func integer(_ value: Int64) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 { reservedByte(UInt8(ascii: "-")) }
        if magnitude < 10 {
            reservedByte(UInt8(truncatingIfNeeded: magnitude) &+ 48)
            return
        }
        let digits = Self.digitCount(magnitude)
        var position = count + digits
        while magnitude >= 100 {
            let pair = Int(magnitude % 100) &* 2
            magnitude /= 100
            position -= 2
            buffer[position] = Self.digitPairs[pair]
            buffer[position + 1] = Self.digitPairs[pair + 1]
        }
        if magnitude >= 10 {
            let pair = Int(magnitude) &* 2
            buffer[position - 2] = Self.digitPairs[pair]
            buffer[position - 1] = Self.digitPairs[pair + 1]
        } else {
            buffer[position - 1] = UInt8(truncatingIfNeeded: magnitude) &+ 48
        }
        count += digits
    }

    @inline(__always) static func digitCount(_ value: UInt64) -> Int {
        if value < 100 { return value < 10 ? 1 : 2 }
        if value < 10_000 { return value < 1_000 ? 3 : 4 }
        if value < 1_000_000 { return value < 100_000 ? 5 : 6 }
        var digits = 7
        var limit: UInt64 = 10_000_000
        while digits < 20, value >= limit {
            digits += 1
            limit = limit &* 10
        }
        return digits
    }

    /// "00" "01" … "99", for writing two digits per step.
    @inline(__always) private static var digitPairs: UnsafePointer<UInt8> { pairsText.utf8Start }
    private static let pairsText: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

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

    /// Hands the filled buffer to the I/O queue (after the previous one is written) and goes
    /// on with the other.
    func flush() {
        guard count > 0 else { return }
        idle.wait()
        swap(&buffer, &spare)
        let chunk = Chunk(start: spare, length: count)
        flushed += count
        count = 0
        io.async { [self] in
            writeAll(chunk)
            idle.signal()
        }
    }

    /// Appends the whole file at `source`, read in buffer-sized chunks.
    func appendContents(of source: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw IOError(operation: "open", path: source, code: errno) }
        defer { Glibc.close(input) }
        while true {
            reserve(capacity)
            let got = read(input, buffer + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw IOError(operation: "read", path: source, code: errno)
            }
            if got == 0 { return }
            count += got
        }
    }

    /// Throws the first I/O error, if any.
    func check() throws {
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    /// Flushes, waits for the last write and closes; throws the first I/O error. No fsync: an
    /// export is made again on request, and waiting for the disk would double its time.
    func close() throws {
        flush()
        idle.wait()
        defer { idle.signal() }
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
        try check()
    }

    private func writeAll(_ chunk: Chunk) {
        guard failure.withLock({ $0 }) == nil else { return }
        var offset = 0
        while offset < chunk.length {
            let written = write(fd, chunk.start + offset, chunk.length - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                failure.withLock { $0 = IOError(operation: "write", path: path, code: code) }
                return
            }
            offset += written
        }
    }
}
