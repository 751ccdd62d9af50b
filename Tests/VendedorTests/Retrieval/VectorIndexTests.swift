import Foundation
import Testing

@testable import Assistant
@testable import Shop

/// The in-memory index against a brute force, and its persistence in SQLite as other
/// processes see it (a second pool on the same file stands for another process).
@Suite("Retrieval: vector index, persistence and reload")
struct VectorIndexTests {
    static func randomUnit(_ dimension: Int, _ generator: inout some RandomNumberGenerator) -> [Float] {
        let values = (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return values.map { $0 / norm }
    }

    static func bruteForce(_ vectors: [Int64: [Float]], _ query: [Float], k: Int, allowed: Set<Int64>? = nil)
        -> [Int64]
    {
        var scored: [(id: Int64, score: Double)] = []
        for (id, vector) in vectors where allowed?.contains(id) ?? true {
            var sum = 0.0
            for (a, b) in zip(vector, query) { sum += Double(a) * Double(b) }
            scored.append((id, sum))
        }
        scored.sort { $0.score > $1.score }
        return scored.prefix(k).map(\.id)
    }

    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    @Test(arguments: [1, 7, 300, 1_000])
    func searchIsExactWithUpsertsDeletesAndFilters(rows: Int) throws {
        var generator = SeededGenerator(state: UInt64(rows))
        let dimension = 48
        var index = VectorIndex(model: "prueba", dimension: dimension)
        var reference: [Int64: [Float]] = [:]
        for id in 1...Int64(rows) {
            let vector = Self.randomUnit(dimension, &generator)
            try index.upsert(id: id * 10, vector: vector)
            reference[id * 10] = vector
        }
        // Replace some, delete some (the last row moves into the hole).
        for id in stride(from: Int64(10), through: Int64(rows * 10), by: 30) {
            let vector = Self.randomUnit(dimension, &generator)
            try index.upsert(id: id, vector: vector)
            reference[id] = vector
        }
        for id in stride(from: Int64(20), through: Int64(rows * 10), by: 70) {
            let removed = index.remove(id: id)
            #expect(removed)
            reference[id] = nil
        }
        #expect(index.count == reference.count)
        let absent = index.remove(id: 5)
        #expect(!absent)
        for id in reference.keys.prefix(5) { #expect(index.vector(id: id) == reference[id]) }

        let queries = (0..<13).map { _ in Self.randomUnit(dimension, &generator) }
        let batched = index.search(batch: queries, k: 10)
        for (query, hits) in zip(queries, batched) {
            #expect(hits.map(\.id) == Self.bruteForce(reference, query, k: 10))
            #expect(index.search(query, k: 10) == hits)
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
        let allowed = Set(reference.keys.filter { $0 % 20 == 0 })
        for query in queries.prefix(3) {
            let hits = index.search(query, k: 5, allowed: allowed)
            #expect(hits.map(\.id) == Self.bruteForce(reference, query, k: 5, allowed: allowed))
            #expect(hits.allSatisfy { allowed.contains($0.id) })
        }
        #expect(index.search(queries[0], k: 5, allowed: []).isEmpty)
    }

    @Test func refusesVectorsOfAnotherSizeAndCopiesOnWrite() throws {
        var index = VectorIndex(model: "modelo-a", dimension: 4)
        #expect(throws: VectorIndexError.wrongDimension(expected: 4, got: 3)) {
            try index.upsert(id: 1, vector: [1, 0, 0])
        }
        try index.upsert(id: 1, vector: [1, 0, 0, 0])
        let snapshot = index
        try index.upsert(id: 2, vector: [0, 1, 0, 0])
        index.remove(id: 1)
        #expect(snapshot.count == 1)
        #expect(snapshot.search([1, 0, 0, 0], k: 3).map(\.id) == [1])
        #expect(index.search([1, 0, 0, 0], k: 3).map(\.id) == [2])
    }

    /// Stores vectors for products the way the embedding handler does.
    static func store(_ db: AppDatabase, index: Int64, _ products: [Product], seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        let entries = products.map {
            ProductVector(
                productId: $0.id, fingerprint: ProductPassage.fingerprint($0), vector: randomUnit(8, &generator))
        }
        try db.storeVectors(index: index, entries)
    }

    @Test func anotherProcessSeesWritesSwapsAndDeletesWithoutReloadingEverything() async throws {
        let tmp = try TemporaryDirectory()
        let writer = try Fixtures.databaseWithProducts(in: tmp)
        let reader = try tmp.openDatabase()  // another pool on the same file: another process
        let cache = VectorIndexCache(database: reader)
        #expect(try await cache.current() == nil)

        let products = try writer.listProducts().results
        let first = try writer.buildingIndex(job: "trabajo-1", model: "modelo-a", dimension: 8)
        try Self.store(writer, index: first.id, Array(products.prefix(3)), seed: 1)
        #expect(try writer.activateIfComplete(index: first.id) == false)  // two products lack a vector
        #expect(try await cache.current() == nil)  // a half-built index is never searched
        try Self.store(writer, index: first.id, Array(products.dropFirst(3)), seed: 2)
        #expect(try writer.activateIfComplete(index: first.id))

        let loaded = try #require(try await cache.current())
        #expect(loaded.model == "modelo-a")
        #expect(loaded.count == products.count)
        let stored = try #require(loaded.vector(id: products[0].id))

        // An edit: the vector of the old text is refused, the new one lands; the reader
        // picks up only that row (its generation moved by one).
        let edited = try writer.updateProduct(id: products[0].id, ProductChanges(name: "Extintor ABC 20 libras"))
        let stale = ProductVector(
            productId: edited.id, fingerprint: ProductPassage.fingerprint(products[0]), vector: stored)
        #expect(try writer.storeVectors(index: first.id, [stale]) == 0)
        let fresh = ProductVector(
            productId: edited.id, fingerprint: ProductPassage.fingerprint(edited),
            vector: [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(try writer.storeVectors(index: first.id, [fresh]) == 1)
        // Generations: 1 and 2 for the two writes, 3 for the activation, 4 for this row.
        let changes = try #require(try reader.activeVectorChanges(knownIndex: first.id, since: 3))
        #expect(changes.rows.map(\.productId) == [edited.id])
        let updated = try #require(try await cache.current())
        #expect(updated.vector(id: edited.id) == fresh.vector)
        #expect(loaded.vector(id: edited.id) == stored)  // the copy a search held is unchanged

        // A deleted product's vector disappears from readers.
        let doomed = products[1].id
        #expect(try writer.deleteProduct(id: doomed) == .deleted)
        #expect(try writer.storeVectors(index: first.id, [], deleted: [doomed]) == 1)
        #expect(try await cache.current()?.contains(doomed) == false)

        // A re-index with another model builds aside; readers keep the old index until the swap.
        let second = try writer.buildingIndex(job: "trabajo-2", model: "modelo-b", dimension: 8)
        #expect(try writer.buildingIndex(job: "trabajo-2", model: "modelo-b", dimension: 8) == second)
        let remaining = try writer.listProducts().results
        try Self.store(writer, index: second.id, Array(remaining.prefix(2)), seed: 3)
        #expect(try await cache.current()?.model == "modelo-a")
        try Self.store(writer, index: second.id, Array(remaining.dropFirst(2)), seed: 4)
        #expect(try writer.activateIfComplete(index: second.id))
        let swapped = try #require(try await cache.current())
        #expect(swapped.model == "modelo-b")
        #expect(Set(swapped.ids) == Set(remaining.map(\.id)))
        // The old index and its vectors are gone from the file.
        #expect(try Fixtures.count(writer, "indices_vectores") == 1)
        #expect(try writer.vectorIndex(id: first.id) == nil)
        #expect(try writer.storeVectors(index: first.id, [fresh]) == 0)

        // A fresh process loads the whole active index from the file.
        let restarted = VectorIndexCache(database: try tmp.openDatabase())
        let reloaded = try #require(try await restarted.current())
        #expect(Set(reloaded.ids) == Set(swapped.ids))
        for id in reloaded.ids { #expect(reloaded.vector(id: id) == swapped.vector(id: id)) }
    }
}
