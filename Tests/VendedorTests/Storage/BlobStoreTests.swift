import Crypto
import Foundation
import Testing

@testable import Integrations
@testable import Pipeline
@testable import Shop

/// Where a blob store under test keeps its bytes: a directory (`BLOBS_BACKEND=local`) or the
/// blob table of either engine (`BLOBS_BACKEND=database`).
enum TestBlobBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case local
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    /// The engine whose store backs the database backends (the local one gets SQLite, unused).
    var engine: TestEngine { self == .postgresql ? .postgresql : .sqlite }

    /// Runs `body` with a blob store of this backend and the storage behind it.
    func with<T>(_ body: (any BlobStore, TestStore) async throws -> T) async throws -> T {
        try await TestStore.with(engine) { test in
            let directory = TestPaths.temporaryDirectory("blobs")
            defer { try? FileManager.default.removeItem(at: directory) }
            let config = BlobConfig(directory: directory.path, backend: self == .local ? .local : .database)
            return try await body(config.makeStore(table: test.store), test)
        }
    }
}

/// The blob store contract, the same on every backend: content addressing, whole and
/// streamed reads of a large file, retention sweeps and hostile keys.
@Suite("Blob store on every backend")
struct BlobStoreTests {
    /// `count` bytes that differ from one chunk to the next (so a misplaced chunk shows).
    static func bytes(_ count: Int, seed: UInt8 = 7) -> Data {
        var data = Data(count: count)
        data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            var state = UInt32(seed) &* 2_654_435_761 | 1
            for index in 0..<count {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                raw[index] = UInt8(truncatingIfNeeded: state)
            }
        }
        return data
    }

    static func sha(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: TestBlobBackend.allCases)
    func bytesAreStoredByContentAndReadBack(backend: TestBlobBackend) async throws {
        try await backend.with { blobs, _ in
            let photo = Data("una foto de un casco".utf8)
            let key = try await blobs.store(photo)
            #expect(key == Self.sha(photo))
            #expect(BlobKey.isValid(key))
            #expect(try await blobs.load(key) == photo)
            #expect(await blobs.contains(key))
            // The same bytes again: the same key, one copy.
            #expect(try await blobs.store(photo) == key)
            let other = try await blobs.store(Data("otra foto".utf8))
            #expect(other != key)
            #expect(try await blobs.load(other) == Data("otra foto".utf8))
            // Empty bytes are a blob too.
            let empty = try await blobs.store(Data())
            #expect(try await blobs.load(empty) == Data())
            let unknown = String(repeating: "ab", count: 32)
            #expect(await !blobs.contains(unknown))
            await #expect(throws: BlobError.missing(unknown)) { try await blobs.load(unknown) }
            await #expect(throws: BlobError.missing(unknown)) { try await blobs.withLocalFile(unknown) { $0 } }
        }
    }

    @Test(arguments: TestBlobBackend.allCases)
    func aLargeFileIsReadWholeAndAsALocalFile(backend: TestBlobBackend) async throws {
        try await backend.with { blobs, test in
            // 25 MB and a bit: the largest audio upload, not a whole number of chunks.
            let audio = Self.bytes(25 << 20 + 12_345)
            let key = try await blobs.store(audio)
            let loaded = try await blobs.load(key)
            #expect(loaded.count == audio.count)
            #expect(Self.sha(loaded) == key)
            let copied = try await blobs.withLocalFile(key) { url -> (String, Int, String) in
                let data = try Data(contentsOf: url)
                return (url.path, data.count, Self.sha(data))
            }
            #expect(copied.1 == audio.count)
            #expect(copied.2 == key)
            if backend != .local {
                // The temporary copy is gone once the work is done.
                #expect(!FileManager.default.fileExists(atPath: copied.0))
                let info = try #require(try await test.store.blobInfo(key))
                #expect(info.size == audio.count)
                #expect(info.chunks == 26)
                #expect(info.expires == nil)
                // No row is bigger than one chunk.
                for index in [0, 12, 25] {
                    let chunk = try #require(try await test.store.blobChunk(key, index: index))
                    #expect(chunk.count <= SQLiteStore.chunkSize)
                    let start = index * SQLiteStore.chunkSize
                    #expect(chunk == audio[start..<min(audio.count, start + SQLiteStore.chunkSize)])
                }
                #expect(try await test.store.blobChunk(key, index: 26) == nil)
            }
        }
    }

    @Test(arguments: TestBlobBackend.allCases)
    func theSweepDeletesOnlyWhatOutlivedTheRetention(backend: TestBlobBackend) async throws {
        try await backend.with { blobs, _ in
            let first = try await blobs.store(Data("foto 1".utf8))
            let second = try await blobs.store(Self.bytes(3 << 20))
            // Nothing is an hour old yet.
            #expect(try await blobs.removeExpired(olderThan: 3_600, now: Date()) == 0)
            #expect(await blobs.contains(first))
            #expect(await blobs.contains(second))
            // Two hours from now both are.
            #expect(try await blobs.removeExpired(olderThan: 3_600, now: Date().addingTimeInterval(7_200)) == 2)
            #expect(await !blobs.contains(first))
            #expect(await !blobs.contains(second))
            await #expect(throws: BlobError.missing(second)) { try await blobs.load(second) }
            // Stored again after the sweep: back.
            #expect(try await blobs.store(Data("foto 1".utf8)) == first)
            #expect(try await blobs.load(first) == Data("foto 1".utf8))
        }
    }

    @Test(arguments: TestBlobBackend.allCases)
    func hostileKeysAreRefusedBeforeAnyLookup(backend: TestBlobBackend) async throws {
        try await backend.with { blobs, _ in
            _ = try await blobs.store(Data("secreto".utf8))
            let hostile = [
                "", "../../etc/passwd", "..", "/etc/passwd", String(repeating: "a", count: 63),
                String(repeating: "a", count: 65), String(repeating: "A", count: 64),
                String(repeating: "g", count: 64), String(repeating: "a", count: 62) + "/x",
                String(repeating: "a", count: 63) + "\0", String(repeating: "a", count: 100_000), "%", "ab' OR '1'='1",
            ]
            for key in hostile {
                #expect(!BlobKey.isValid(key))
                #expect(await !blobs.contains(key))
                await #expect(throws: BlobError.invalidKey(key)) { try await blobs.load(key) }
                await #expect(throws: BlobError.invalidKey(key)) { try await blobs.withLocalFile(key) { $0 } }
            }
        }
    }

    @Test(arguments: [TestEngine.sqlite, .postgresql])
    func writersOfTheSameBytesAtOnceKeepOneCopy(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let blobs = DatabaseBlobStore(table: test.store)
            let photo = Self.bytes(2 << 20 + 5, seed: 3)
            let keys = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 { group.addTask { try await blobs.store(photo) } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(keys == [Self.sha(photo)])
            let info = try #require(try await test.store.blobInfo(Self.sha(photo)))
            #expect(info.chunks == 3)
            #expect(try await blobs.load(Self.sha(photo)) == photo)
            #expect(try await test.store.deleteBlob(Self.sha(photo)))
            #expect(try await !test.store.deleteBlob(Self.sha(photo)))
            #expect(try await test.store.blobChunk(Self.sha(photo), index: 0) == nil, "chunks go with their blob")
        }
    }

    /// Exports through the shelf `BLOBS_BACKEND` picks: written locally, published, read back
    /// in chunks by whoever holds the name, swept once expired.
    @Test(arguments: TestBlobBackend.allCases)
    func exportsArePublishedStreamedAndSweptAtTheirExpiry(backend: TestBlobBackend) async throws {
        try await TestStore.with(backend.engine) { test in
            let writer = TestPaths.temporaryDirectory("exports-worker")
            let reader = TestPaths.temporaryDirectory("exports-front")
            defer {
                try? FileManager.default.removeItem(at: writer)
                try? FileManager.default.removeItem(at: reader)
            }
            let config = BlobConfig(backend: backend == .local ? .local : .database)
            let shelf = config.makeExportShelf(exportsDirectory: writer.path, table: test.store)
            // With the database, another host's front end (its own directory) reads it.
            let front = config.makeExportShelf(
                exportsDirectory: backend == .local ? writer.path : reader.path, table: test.store)
            let now = Int(Date().timeIntervalSince1970)
            let files = ExportFiles(directory: writer.path)
            let name = files.fileName(jobId: "trabajo-1", expires: now + 600, format: .csv)
            let content = Self.bytes(2 << 20 + 77, seed: 9)
            try content.write(to: URL(fileURLWithPath: try shelf.workPath(for: name)))
            try await shelf.publish(name, expires: now + 600)
            if backend != .local {
                #expect(!FileManager.default.fileExists(atPath: files.path(of: name)), "the scratch file goes")
            }
            let download = try #require(try await front.download(name))
            var read = Data()
            var chunks = 0
            switch download {
            case .file(let path):
                read = try Data(contentsOf: URL(fileURLWithPath: path))
                chunks = 1
            case .chunks(let size, let each):
                #expect(size == content.count)
                try await each { chunk in
                    read.append(chunk)
                    chunks += 1
                }
            }
            #expect(read == content)
            #expect(chunks == (backend == .local ? 1 : 3))
            #expect(try await front.download("e\(now + 600)_otro.csv") == nil)
            // Not yet expired: kept; past its expiry: swept, and the link finds nothing.
            #expect(await front.sweep(now: Date()) == 0)
            #expect(await front.sweep(now: Date(timeIntervalSince1970: Double(now + 601))) == 1)
            #expect(try await front.download(name) == nil)
        }
    }
}
