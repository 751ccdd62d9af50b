import Foundation

/// Exact top-k by inner product over a block-interleaved Float32 matrix, in SIMD.
///
/// Layout: rows are grouped in blocks of `lanes` (16 with AVX-512, else 8); a block stores,
/// for each dimension j, the j-th value of its rows side by side. One SIMD load then holds a
/// dimension of `lanes` rows and a query's j-th value is broadcast against it, so the lanes
/// accumulate whole rows' scores with no horizontal sums. The matrix is one contiguous buffer
/// padded with zero rows to whole tiles (`paddedRows`).
///
/// The kernel is a register-tiled matrix product: a tile of several blocks × several queries
/// keeps its accumulators in registers over the whole dimension loop (3 × 8 with AVX-512's 32
/// registers, 2 × 6 with 16). Queries go in chunks that stay in the L2 cache while the matrix
/// streams past once per chunk; queries left over (a single query, typically) use a
/// 4-block × 1 tile, bound by memory bandwidth. Each tile's scores are compared with each
/// query's current k-th best at once; only the few that beat it reach the top-k insertion.
///
/// Build settings (Package.swift) pick the instruction set of the build machine:
/// `VECTOR_WIDE` (AVX-512, 16 lanes) or 8 lanes, and `VECTOR_FMA` (fused multiply-add).
public enum InnerProductKernel {
    #if VECTOR_WIDE
        typealias Lane = SIMD16<Float>
        typealias LaneMask = SIMDMask<SIMD16<Int32>>
        public static let lanes = 16
        static let tileBlocks = 3
        static let tileQueries = 8
        /// CPU features the compiled code needs (see `isSupported`).
        public static let requiredFeatures = ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl", "fma", "avx2"]
    #else
        typealias Lane = SIMD8<Float>
        typealias LaneMask = SIMDMask<SIMD8<Int32>>
        public static let lanes = 8
        static let tileBlocks = 2
        static let tileQueries = 6
        #if VECTOR_FMA && arch(x86_64)
            public static let requiredFeatures = ["avx2", "fma"]
        #else
            public static let requiredFeatures: [String] = []
        #endif
    #endif
    /// Rows of a padded tile: 4 blocks (the single-query tile) and a multiple of the batch tile.
    public static let tileRows = lanes * 12
    static let queryChunk = 96

    /// Rows stored for `rows` rows: padded with zero rows to whole tiles.
    public static func paddedRows(_ rows: Int) -> Int {
        (rows + tileRows - 1) / tileRows * tileRows
    }

    /// Offset of (row, j) in the blocked buffer.
    @inline(__always)
    public static func offset(row: Int, j: Int, dimension: Int) -> Int {
        (row / lanes) * dimension * lanes + j * lanes + row % lanes
    }

    /// Whether this CPU runs the instructions the kernel was compiled for (a binary built on
    /// an AVX-512 machine must not run its kernel on one without).
    public static let isSupported: Bool = {
        guard !requiredFeatures.isEmpty else { return true }
        #if os(Linux)
            guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
                let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
            else { return false }
            let flags = Set(line.split(separator: " ").map(String.init))
            return requiredFeatures.allSatisfy(flags.contains)
        #else
            return true
        #endif
    }()

    /// The best `k` rows for each query, best first; ties keep the lower row first.
    /// - matrix: blocked buffer of `paddedRows(rows)` rows × `dimension`.
    /// - queries: `queryCount` × `dimension`, row-major.
    /// - allowed: optional bitset over rows (bit set = may be returned).
    /// - outRows/outScores: `queryCount` × `k`; unused slots get row -1 and -infinity.
    public static func search(
        matrix: UnsafePointer<Float>, rows: Int, dimension: Int, queries: UnsafePointer<Float>, queryCount: Int,
        k: Int, allowed: UnsafePointer<UInt64>?, outRows: UnsafeMutablePointer<Int32>,
        outScores: UnsafeMutablePointer<Float>
    ) {
        guard k > 0, queryCount > 0 else { return }
        for i in 0..<(queryCount * k) {
            outRows[i] = -1
            outScores[i] = -.infinity
        }
        guard rows > 0, dimension > 0 else { return }
        let thresholds = UnsafeMutablePointer<Float>.allocate(capacity: queryCount)
        thresholds.initialize(repeating: -.infinity, count: queryCount)
        defer { thresholds.deallocate() }
        let selection = Selection(
            k: k, rows: rows, allowed: allowed, outRows: outRows, outScores: outScores, thresholds: thresholds)
        let padded = paddedRows(rows)
        let batchRows = tileBlocks * lanes
        let batched = queryCount / tileQueries * tileQueries
        var chunkStart = 0
        while chunkStart < batched {
            let chunkEnd = min(batched, chunkStart + queryChunk)
            for rowTile in stride(from: 0, to: padded, by: batchRows) {
                let block = matrix + rowTile * dimension
                for q in stride(from: chunkStart, to: chunkEnd, by: tileQueries) {
                    batchTile(block, dimension, queries + q * dimension, rowTile, q, selection)
                }
            }
            chunkStart = chunkEnd
        }
        for q in batched..<queryCount {
            for rowTile in stride(from: 0, to: padded, by: 4 * lanes) {
                singleTile(matrix + rowTile * dimension, dimension, queries + q * dimension, rowTile, q, selection)
            }
        }
    }

    struct Selection {
        let k: Int
        let rows: Int
        let allowed: UnsafePointer<UInt64>?
        let outRows: UnsafeMutablePointer<Int32>
        let outScores: UnsafeMutablePointer<Float>
        let thresholds: UnsafeMutablePointer<Float>

        /// Offers `lanes` rows' scores (from `firstRow`) to query `q`'s top k.
        @inline(__always)
        func offer(_ scores: Lane, firstRow: Int, query q: Int) {
            let mask = scores .> Lane(repeating: thresholds[q])
            guard any(mask) else { return }
            insert(scores, mask: mask, firstRow: firstRow, query: q)
        }

        @inline(never)
        func insert(_ scores: Lane, mask: LaneMask, firstRow: Int, query q: Int) {
            let rowsOut = outRows + q * k
            let scoresOut = outScores + q * k
            for lane in 0..<lanes where mask[lane] {
                let row = firstRow + lane
                guard row < rows else { return }
                if let allowed, allowed[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                let score = scores[lane]
                guard score > thresholds[q] else { continue }
                var position = k - 1
                while position > 0, scoresOut[position - 1] < score {
                    scoresOut[position] = scoresOut[position - 1]
                    rowsOut[position] = rowsOut[position - 1]
                    position -= 1
                }
                scoresOut[position] = score
                rowsOut[position] = Int32(row)
                if rowsOut[k - 1] >= 0 { thresholds[q] = scoresOut[k - 1] }
            }
        }
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Lane {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lane.self)
    }

    @inline(__always)
    static func fma(_ acc: Lane, _ a: Lane, _ b: Lane) -> Lane {
        #if VECTOR_FMA
            return acc.addingProduct(a, b)
        #else
            return acc + a * b
        #endif
    }

    #if VECTOR_WIDE
        /// 3 blocks × 8 queries (24 accumulators of AVX-512's 32 registers).
        @inline(never)
        static func batchTile(
            _ block0: UnsafePointer<Float>, _ d: Int, _ q: UnsafePointer<Float>, _ firstRow: Int, _ firstQuery: Int,
            _ selection: Selection
        ) {
            let block1 = block0 + d * 1 * lanes
            let block2 = block0 + d * 2 * lanes
            let q0 = q
            let q1 = q + 1 * d
            let q2 = q + 2 * d
            let q3 = q + 3 * d
            let q4 = q + 4 * d
            let q5 = q + 5 * d
            let q6 = q + 6 * d
            let q7 = q + 7 * d
            var a00 = Lane(repeating: 0)
            var a01 = Lane(repeating: 0)
            var a02 = Lane(repeating: 0)
            var a03 = Lane(repeating: 0)
            var a04 = Lane(repeating: 0)
            var a05 = Lane(repeating: 0)
            var a06 = Lane(repeating: 0)
            var a07 = Lane(repeating: 0)
            var a10 = Lane(repeating: 0)
            var a11 = Lane(repeating: 0)
            var a12 = Lane(repeating: 0)
            var a13 = Lane(repeating: 0)
            var a14 = Lane(repeating: 0)
            var a15 = Lane(repeating: 0)
            var a16 = Lane(repeating: 0)
            var a17 = Lane(repeating: 0)
            var a20 = Lane(repeating: 0)
            var a21 = Lane(repeating: 0)
            var a22 = Lane(repeating: 0)
            var a23 = Lane(repeating: 0)
            var a24 = Lane(repeating: 0)
            var a25 = Lane(repeating: 0)
            var a26 = Lane(repeating: 0)
            var a27 = Lane(repeating: 0)
            for j in 0..<d {
                let r0 = load(block0 + j * lanes)
                let r1 = load(block1 + j * lanes)
                let r2 = load(block2 + j * lanes)
                let b0 = Lane(repeating: q0[j])
                a00 = fma(a00, r0, b0)
                a10 = fma(a10, r1, b0)
                a20 = fma(a20, r2, b0)
                let b1 = Lane(repeating: q1[j])
                a01 = fma(a01, r0, b1)
                a11 = fma(a11, r1, b1)
                a21 = fma(a21, r2, b1)
                let b2 = Lane(repeating: q2[j])
                a02 = fma(a02, r0, b2)
                a12 = fma(a12, r1, b2)
                a22 = fma(a22, r2, b2)
                let b3 = Lane(repeating: q3[j])
                a03 = fma(a03, r0, b3)
                a13 = fma(a13, r1, b3)
                a23 = fma(a23, r2, b3)
                let b4 = Lane(repeating: q4[j])
                a04 = fma(a04, r0, b4)
                a14 = fma(a14, r1, b4)
                a24 = fma(a24, r2, b4)
                let b5 = Lane(repeating: q5[j])
                a05 = fma(a05, r0, b5)
                a15 = fma(a15, r1, b5)
                a25 = fma(a25, r2, b5)
                let b6 = Lane(repeating: q6[j])
                a06 = fma(a06, r0, b6)
                a16 = fma(a16, r1, b6)
                a26 = fma(a26, r2, b6)
                let b7 = Lane(repeating: q7[j])
                a07 = fma(a07, r0, b7)
                a17 = fma(a17, r1, b7)
                a27 = fma(a27, r2, b7)
            }
            selection.offer(a00, firstRow: firstRow, query: firstQuery)
            selection.offer(a10, firstRow: firstRow + 1 * lanes, query: firstQuery)
            selection.offer(a20, firstRow: firstRow + 2 * lanes, query: firstQuery)
            selection.offer(a01, firstRow: firstRow, query: firstQuery + 1)
            selection.offer(a11, firstRow: firstRow + 1 * lanes, query: firstQuery + 1)
            selection.offer(a21, firstRow: firstRow + 2 * lanes, query: firstQuery + 1)
            selection.offer(a02, firstRow: firstRow, query: firstQuery + 2)
            selection.offer(a12, firstRow: firstRow + 1 * lanes, query: firstQuery + 2)
            selection.offer(a22, firstRow: firstRow + 2 * lanes, query: firstQuery + 2)
            selection.offer(a03, firstRow: firstRow, query: firstQuery + 3)
            selection.offer(a13, firstRow: firstRow + 1 * lanes, query: firstQuery + 3)
            selection.offer(a23, firstRow: firstRow + 2 * lanes, query: firstQuery + 3)
            selection.offer(a04, firstRow: firstRow, query: firstQuery + 4)
            selection.offer(a14, firstRow: firstRow + 1 * lanes, query: firstQuery + 4)
            selection.offer(a24, firstRow: firstRow + 2 * lanes, query: firstQuery + 4)
            selection.offer(a05, firstRow: firstRow, query: firstQuery + 5)
            selection.offer(a15, firstRow: firstRow + 1 * lanes, query: firstQuery + 5)
            selection.offer(a25, firstRow: firstRow + 2 * lanes, query: firstQuery + 5)
            selection.offer(a06, firstRow: firstRow, query: firstQuery + 6)
            selection.offer(a16, firstRow: firstRow + 1 * lanes, query: firstQuery + 6)
            selection.offer(a26, firstRow: firstRow + 2 * lanes, query: firstQuery + 6)
            selection.offer(a07, firstRow: firstRow, query: firstQuery + 7)
            selection.offer(a17, firstRow: firstRow + 1 * lanes, query: firstQuery + 7)
            selection.offer(a27, firstRow: firstRow + 2 * lanes, query: firstQuery + 7)
        }
    #else
        /// 2 blocks × 6 queries (12 accumulators of 16 registers).
        @inline(never)
        static func batchTile(
            _ block0: UnsafePointer<Float>, _ d: Int, _ q: UnsafePointer<Float>, _ firstRow: Int, _ firstQuery: Int,
            _ selection: Selection
        ) {
            let block1 = block0 + d * 1 * lanes
            let q0 = q
            let q1 = q + 1 * d
            let q2 = q + 2 * d
            let q3 = q + 3 * d
            let q4 = q + 4 * d
            let q5 = q + 5 * d
            var a00 = Lane(repeating: 0)
            var a01 = Lane(repeating: 0)
            var a02 = Lane(repeating: 0)
            var a03 = Lane(repeating: 0)
            var a04 = Lane(repeating: 0)
            var a05 = Lane(repeating: 0)
            var a10 = Lane(repeating: 0)
            var a11 = Lane(repeating: 0)
            var a12 = Lane(repeating: 0)
            var a13 = Lane(repeating: 0)
            var a14 = Lane(repeating: 0)
            var a15 = Lane(repeating: 0)
            for j in 0..<d {
                let r0 = load(block0 + j * lanes)
                let r1 = load(block1 + j * lanes)
                let b0 = Lane(repeating: q0[j])
                a00 = fma(a00, r0, b0)
                a10 = fma(a10, r1, b0)
                let b1 = Lane(repeating: q1[j])
                a01 = fma(a01, r0, b1)
                a11 = fma(a11, r1, b1)
                let b2 = Lane(repeating: q2[j])
                a02 = fma(a02, r0, b2)
                a12 = fma(a12, r1, b2)
                let b3 = Lane(repeating: q3[j])
                a03 = fma(a03, r0, b3)
                a13 = fma(a13, r1, b3)
                let b4 = Lane(repeating: q4[j])
                a04 = fma(a04, r0, b4)
                a14 = fma(a14, r1, b4)
                let b5 = Lane(repeating: q5[j])
                a05 = fma(a05, r0, b5)
                a15 = fma(a15, r1, b5)
            }
            selection.offer(a00, firstRow: firstRow, query: firstQuery)
            selection.offer(a10, firstRow: firstRow + 1 * lanes, query: firstQuery)
            selection.offer(a01, firstRow: firstRow, query: firstQuery + 1)
            selection.offer(a11, firstRow: firstRow + 1 * lanes, query: firstQuery + 1)
            selection.offer(a02, firstRow: firstRow, query: firstQuery + 2)
            selection.offer(a12, firstRow: firstRow + 1 * lanes, query: firstQuery + 2)
            selection.offer(a03, firstRow: firstRow, query: firstQuery + 3)
            selection.offer(a13, firstRow: firstRow + 1 * lanes, query: firstQuery + 3)
            selection.offer(a04, firstRow: firstRow, query: firstQuery + 4)
            selection.offer(a14, firstRow: firstRow + 1 * lanes, query: firstQuery + 4)
            selection.offer(a05, firstRow: firstRow, query: firstQuery + 5)
            selection.offer(a15, firstRow: firstRow + 1 * lanes, query: firstQuery + 5)
        }
    #endif

    /// 4 blocks × 1 query.
    @inline(never)
    static func singleTile(
        _ block0: UnsafePointer<Float>, _ d: Int, _ q: UnsafePointer<Float>, _ firstRow: Int, _ query: Int,
        _ selection: Selection
    ) {
        let block1 = block0 + d * lanes
        let block2 = block0 + d * 2 * lanes
        let block3 = block0 + d * 3 * lanes
        var a0 = Lane(repeating: 0)
        var a1 = Lane(repeating: 0)
        var a2 = Lane(repeating: 0)
        var a3 = Lane(repeating: 0)
        for j in 0..<d {
            let b = Lane(repeating: q[j])
            a0 = fma(a0, load(block0 + j * lanes), b)
            a1 = fma(a1, load(block1 + j * lanes), b)
            a2 = fma(a2, load(block2 + j * lanes), b)
            a3 = fma(a3, load(block3 + j * lanes), b)
        }
        selection.offer(a0, firstRow: firstRow, query: query)
        selection.offer(a1, firstRow: firstRow + lanes, query: query)
        selection.offer(a2, firstRow: firstRow + 2 * lanes, query: query)
        selection.offer(a3, firstRow: firstRow + 3 * lanes, query: query)
    }
}
