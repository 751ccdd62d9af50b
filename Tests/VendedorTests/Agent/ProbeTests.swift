import Core
import Foundation
import Testing

@Suite("probe")
struct ProbeTests {
    @Test func probe() async throws {
        let tmp = try TemporaryDirectory()
        let db = try RetrievalFixtures.demoDatabase(in: tmp)
        let search = LexicalRetriever(database: db, lexicon: try RetrievalFixtures.lexicon())
        for q in ["linea", "vida", "linea vida", "eslinga", "eslinga de posicionamiento", "trabajo en alturas"] {
            let hits = try await search.search(q, limit: 10)
            print("PROBE \(q): \(hits.map { "\($0.producto.id) \($0.producto.nombre) \($0.score)" })")
        }
    }
}
