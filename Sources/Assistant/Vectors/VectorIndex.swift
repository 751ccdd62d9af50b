import Foundation
import Shop
import VectorKernel

/// A product's vector found by a query, with its inner product (cosine for normalised vectors).
public struct VectorHit: Sendable, Equatable {
    public var id: Int64
    public var score: Float
}

/// Exact inner-product search over vectors kept in memory as one contiguous Float32 matrix
/// in the kernel's blocked layout (`InnerProductKernel`), with upsert and delete by id.
/// Tagged with the model that made the vectors and their size: vectors of another model are
/// refused, so an index never mixes vector spaces.
///
/// A value type with copy-on-write storage: a reader keeps searching the copy it took while a
/// writer builds the next version.
public struct VectorIndex: Sendable {
    public let model: String
    public let dimension: Int
    /// Row → product id.
    public private(set) var ids: [Int64] = []
    private var rowOf: [Int64: Int] = [:]
    private var storage: Storage

    public init(model: String, dimension: Int, capacity: Int = 0) {
        precondition(dimension > 0, "dimension must be positive")
        self.model = model
        self.dimension = dimension
        storage = Storage(dimension: dimension, rows: max(capacity, 1))
    }

    public var count: Int { ids.count }

    public func contains(_ id: Int64) -> Bool { rowOf[id] != nil }

    /// Adds or replaces the vector of `id`.
    public mutating func upsert(id: Int64, vector: [Float]) throws(VectorIndexError) {
        guard vector.count == dimension else {
            throw .wrongDimension(expected: dimension, got: vector.count)
        }
        makeUnique(rows: ids.count + 1)
        let row: Int
        if let existing = rowOf[id] {
            row = existing
        } else {
            row = ids.count
            ids.append(id)
            rowOf[id] = row
        }
        storage.write(row: row, vector)
    }

    /// Removes `id` (the last row takes its place); false when it was not there.
    @discardableResult
    public mutating func remove(id: Int64) -> Bool {
        guard let row = rowOf.removeValue(forKey: id) else { return false }
        makeUnique(rows: ids.count)
        let last = ids.count - 1
        if row != last {
            storage.copy(row: last, to: row)
            ids[row] = ids[last]
            rowOf[ids[row]] = row
        }
        storage.clear(row: last)
        ids.removeLast()
        return true
    }

    /// The stored vector of `id`.
    public func vector(id: Int64) -> [Float]? {
        rowOf[id].map(storage.read)
    }

    /// The `k` nearest by inner product, best first. `allowed`, when given, limits the
    /// candidates (active, in stock, a category…).
    public func search(_ query: [Float], k: Int, allowed: Set<Int64>? = nil) -> [VectorHit] {
        search(batch: [query], k: k, allowed: allowed)[0]
    }

    /// Many queries at once (much faster per query: the matrix streams past once per chunk).
    public func search(batch queries: [[Float]], k: Int, allowed: Set<Int64>? = nil) -> [[VectorHit]] {
        var flat = [Float]()
        flat.reserveCapacity(queries.count * dimension)
        for query in queries {
            precondition(query.count == dimension, "query of \(query.count) dimensions, index of \(dimension)")
            flat += query
        }
        return search(flat: flat, count: queries.count, k: k, allowed: allowed)
    }

    /// `count` queries laid out one after another in `flat`.
    public func search(flat: [Float], count: Int, k: Int, allowed: Set<Int64>? = nil) -> [[VectorHit]] {
        guard count > 0 else { return [] }
        guard k > 0, !ids.isEmpty else { return Array(repeating: [], count: count) }
        let k = min(k, ids.count)
        var bits: [UInt64]?
        if let allowed {
            var set = [UInt64](repeating: 0, count: (ids.count + 63) / 64)
            for id in allowed {
                if let row = rowOf[id] { set[row >> 6] |= 1 << UInt64(row & 63) }
            }
            bits = set
        }
        var rows = [Int32](repeating: -1, count: count * k)
        var scores = [Float](repeating: 0, count: count * k)
        let stored = ids.count
        flat.withUnsafeBufferPointer { queries in
            rows.withUnsafeMutableBufferPointer { outRows in
                scores.withUnsafeMutableBufferPointer { outScores in
                    if let bits {
                        bits.withUnsafeBufferPointer {
                            Self.kernel(
                                storage, stored, dimension, queries.baseAddress!, count, k, $0.baseAddress!,
                                outRows.baseAddress!, outScores.baseAddress!)
                        }
                    } else {
                        Self.kernel(
                            storage, stored, dimension, queries.baseAddress!, count, k, nil, outRows.baseAddress!,
                            outScores.baseAddress!)
                    }
                }
            }
        }
        return (0..<count).map { q in
            (0..<k).compactMap { slot in
                let row = Int(rows[q * k + slot])
                return row >= 0 ? VectorHit(id: ids[row], score: scores[q * k + slot]) : nil
            }
        }
    }

    private static func kernel(
        _ storage: Storage, _ rows: Int, _ dimension: Int, _ queries: UnsafePointer<Float>, _ count: Int, _ k: Int,
        _ allowed: UnsafePointer<UInt64>?, _ outRows: UnsafeMutablePointer<Int32>,
        _ outScores: UnsafeMutablePointer<Float>
    ) {
        if InnerProductKernel.isSupported {
            InnerProductKernel.search(
                matrix: storage.pointer, rows: rows, dimension: dimension, queries: queries, queryCount: count, k: k,
                allowed: allowed, outRows: outRows, outScores: outScores)
        } else {
            PortableSearch.search(
                matrix: storage.pointer, rows: rows, dimension: dimension, queries: queries, queryCount: count, k: k,
                allowed: allowed, outRows: outRows, outScores: outScores)
        }
    }

    private mutating func makeUnique(rows: Int) {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(rows: max(rows, storage.capacityRows))
        } else if rows > storage.capacityRows {
            storage = storage.copy(rows: max(rows, storage.capacityRows * 2))
        }
    }

    /// The blocked matrix: `capacityRows` (whole tiles) rows, zero where nothing is stored.
    final class Storage: @unchecked Sendable {
        let dimension: Int
        let capacityRows: Int
        let pointer: UnsafeMutablePointer<Float>

        init(dimension: Int, rows: Int) {
            self.dimension = dimension
            capacityRows = InnerProductKernel.paddedRows(rows)
            let count = capacityRows * dimension
            pointer = UnsafeMutablePointer<Float>.allocate(capacity: count)
            pointer.initialize(repeating: 0, count: count)
        }

        deinit { pointer.deallocate() }

        /// A copy with room for at least `rows` rows (the layout of a row does not depend
        /// on the capacity, so the old rows copy over as one block).
        func copy(rows: Int) -> Storage {
            let copy = Storage(dimension: dimension, rows: rows)
            copy.pointer.update(from: pointer, count: min(capacityRows, copy.capacityRows) * dimension)
            return copy
        }

        func write(row: Int, _ vector: [Float]) {
            let lanes = InnerProductKernel.lanes
            let base = pointer + (row / lanes) * dimension * lanes + row % lanes
            for j in 0..<dimension { base[j * lanes] = vector[j] }
        }

        func read(row: Int) -> [Float] {
            let lanes = InnerProductKernel.lanes
            let base = pointer + (row / lanes) * dimension * lanes + row % lanes
            return (0..<dimension).map { base[$0 * lanes] }
        }

        func copy(row from: Int, to: Int) {
            write(row: to, read(row: from))
        }

        func clear(row: Int) {
            write(row: row, [Float](repeating: 0, count: dimension))
        }
    }
}

/// The same search without SIMD-specific instructions, for a CPU that lacks what the kernel
/// was compiled for (a binary copied to an older machine). Slow but exact.
enum PortableSearch {
    static func search(
        matrix: UnsafePointer<Float>, rows: Int, dimension: Int, queries: UnsafePointer<Float>, queryCount: Int,
        k: Int, allowed: UnsafePointer<UInt64>?, outRows: UnsafeMutablePointer<Int32>,
        outScores: UnsafeMutablePointer<Float>
    ) {
        let lanes = InnerProductKernel.lanes
        for q in 0..<queryCount {
            var best: [(score: Float, row: Int)] = []
            let query = queries + q * dimension
            for row in 0..<rows {
                if let allowed, allowed[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                let base = matrix + (row / lanes) * dimension * lanes + row % lanes
                var score: Float = 0
                for j in 0..<dimension { score += base[j * lanes] * query[j] }
                if best.count < k || score > best[best.count - 1].score {
                    let position = best.firstIndex { $0.score < score } ?? best.count
                    best.insert((score, row), at: position)
                    if best.count > k { best.removeLast() }
                }
            }
            for slot in 0..<k {
                outRows[q * k + slot] = slot < best.count ? Int32(best[slot].row) : -1
                outScores[q * k + slot] = slot < best.count ? best[slot].score : -.infinity
            }
        }
    }
}
