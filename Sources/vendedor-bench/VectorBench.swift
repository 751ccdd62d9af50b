import Assistant
import Foundation
import Integrations
import Support

/// `ops/bench vector`: exact top-10 by inner product over `rows` × `dimension` random
/// normalised vectors (seeded, so every run and FAISS see the same data).
///
/// Prints `vector.qps` (queries answered in batches, the kernel's best case),
/// `vector.qps_single` (one query at a time, as a reply worker asks), `vector.recall` (top-10
/// against a brute-force reference in Double precision), `vector.build_s`. With `--out DIR`
/// it writes base.f32, queries.f32 and ids.i64 there for ops/bench-vector.py (FAISS side by
/// side). With EMBEDDINGS_URL set it also embeds catalog-like texts through the local
/// provider into an index: `vector.reindex_per_s`.
struct VectorBench {
    var rows = 100_000
    var dimension = 384
    var queries = 1_000
    var k = 10
    var out: String?

    func run() async throws {
        let clock = ContinuousClock()
        var random = SeededGenerator(seed: 20_261_125)
        var base = [Float](repeating: 0, count: rows * dimension)
        for row in 0..<rows { random.fillNormalised(&base, row: row, dimension: dimension) }
        var flatQueries = [Float](repeating: 0, count: queries * dimension)
        for q in 0..<queries { random.fillNormalised(&flatQueries, row: q, dimension: dimension) }

        let buildStart = clock.now
        var index = VectorIndex(model: "bench/random", dimension: dimension, capacity: rows)
        for row in 0..<rows {
            try index.upsert(id: Int64(row), vector: Array(base[(row * dimension)..<((row + 1) * dimension)]))
        }
        print("vector.build_s=\(format((clock.now - buildStart).seconds))")

        // Batched: the whole query set per call, repeated for at least 3 s.
        _ = index.search(flat: Array(flatQueries[0..<(dimension * 8)]), count: 8, k: k)  // warm-up
        var results: [[VectorHit]] = []
        var answered = 0
        let batchStart = clock.now
        repeat {
            results = index.search(flat: flatQueries, count: queries, k: k)
            answered += queries
        } while (clock.now - batchStart).seconds < 3
        print("vector.qps=\(Int(Double(answered) / (clock.now - batchStart).seconds))")

        // One query per call.
        let singles = min(queries, 200)
        let singleStart = clock.now
        for q in 0..<singles {
            let hits = index.search(flat: Array(flatQueries[(q * dimension)..<((q + 1) * dimension)]), count: 1, k: k)
            precondition(hits[0].map(\.id) == results[q].map(\.id), "single and batched searches disagree")
        }
        print("vector.qps_single=\(Int(Double(singles) / (clock.now - singleStart).seconds))")

        // Recall against an independent brute force in Double.
        let checked = min(queries, 50)
        var found = 0
        for q in 0..<checked {
            let reference = Self.bruteForce(base, rows: rows, dimension: dimension, query: flatQueries, at: q, k: k)
            found += Set(reference).intersection(results[q].map(\.id)).count
        }
        print("vector.recall=\(format(Double(found) / Double(checked * k)))")

        if let out {
            let directory = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.write(base, to: directory.appendingPathComponent("base.f32"))
            try Self.write(flatQueries, to: directory.appendingPathComponent("queries.f32"))
            try Self.write(results.flatMap { $0.map(\.id) }, to: directory.appendingPathComponent("ids.i64"))
            try Data("\(rows) \(dimension) \(queries) \(k)\n".utf8).write(to: directory.appendingPathComponent("shape"))
        }

        if let url = ProcessInfo.processInfo.environment["EMBEDDINGS_URL"], !url.isEmpty {
            try await reindexThroughput(url: url)
        } else {
            FileHandle.standardError.write(Data("sin EMBEDDINGS_URL: no se mide el reindexado\n".utf8))
        }
    }

    /// Catalog-like texts (the demo catalog's names with varied sizes and colours) embedded
    /// through the local server in batches and put in an index, as a re-index does.
    func reindexThroughput(url: String) async throws {
        let names = [
            "Extintor PQS", "Casco de seguridad", "Guantes de nitrilo", "Botas punta de acero", "Chaleco reflectivo",
            "Gafas de seguridad", "Tapabocas N95", "Overol antifluido", "Arnés de seguridad", "Cinta de demarcación",
            "Señal de salida", "Linterna recargable", "Respirador doble filtro", "Careta facial",
            "Cono de señalización",
            "Botiquín portátil",
        ]
        let details = ["industrial", "color amarillo", "talla L", "certificado", "referencia premium", "económico"]
        let texts = (0..<512).map { i in
            "\(names[i % names.count]) \(details[(i / names.count) % details.count]) modelo \(i)"
        }
        let embedder = LocalEmbeddingClient(
            baseURL: url, model: RetrievalConfig.defaultModel(.local), transport: CurlTransport(), batchSize: 32)
        _ = try await embedder.embed(Array(texts.prefix(4)), purpose: .passage)  // model warm
        let clock = ContinuousClock()
        let start = clock.now
        let vectors = try await embedder.embed(texts, purpose: .passage)
        var index = VectorIndex(model: embedder.model, dimension: vectors[0].count)
        for (i, vector) in vectors.enumerated() { try index.upsert(id: Int64(i), vector: vector) }
        print("vector.reindex_per_s=\(format(Double(texts.count) / (clock.now - start).seconds))")
    }

    static func bruteForce(_ base: [Float], rows: Int, dimension: Int, query: [Float], at q: Int, k: Int) -> [Int64] {
        var scored: [(Double, Int64)] = []
        scored.reserveCapacity(rows)
        for row in 0..<rows {
            var sum = 0.0
            for j in 0..<dimension { sum += Double(base[row * dimension + j]) * Double(query[q * dimension + j]) }
            scored.append((sum, Int64(row)))
        }
        return scored.sorted { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }.prefix(k).map(\.1)
    }

    static func write<T>(_ values: [T], to url: URL) throws {
        try values.withUnsafeBytes { try Data($0).write(to: url) }
    }

    func format(_ value: Double) -> String { String(format: "%.4f", value) }
}

/// Normal deviates (Box–Muller) from the seeded generator.
extension SeededGenerator {
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Fills row `row` of a row-major matrix with a random unit vector.
    mutating func fillNormalised(_ values: inout [Float], row: Int, dimension: Int) {
        var sum: Double = 0
        var j = 0
        while j < dimension {
            let u1 = max(uniform(), 1e-300)
            let u2 = uniform()
            let radius = (-2 * log(u1)).squareRoot()
            let a = radius * cos(2 * .pi * u2)
            let b = radius * sin(2 * .pi * u2)
            values[row * dimension + j] = Float(a)
            sum += a * a
            if j + 1 < dimension {
                values[row * dimension + j + 1] = Float(b)
                sum += b * b
            }
            j += 2
        }
        let scale = Float(1 / sum.squareRoot())
        for j in 0..<dimension { values[row * dimension + j] *= scale }
    }
}
