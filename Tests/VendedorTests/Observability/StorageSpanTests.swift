import Foundation
import Support
import Testing
import Tracing

@testable import Shop

/// Each storage call is a client span under the span that made it, on both engines: what an
/// operator follows from a chat job down to the database when a turn is slow.
@Suite("Storage spans")
struct StorageSpanTests {
    @Test(arguments: TestEngine.allCases)
    func storageCallsAreClientSpansUnderTheirCaller(engine: TestEngine) async throws {
        try await TestStore.with(engine) { test in
            let recorder = SpanRecorder()
            let parent = try await Traces.withRecorder(recorder) {
                try await Traces.span("prueba") { span in
                    let created = try await test.store.createProduct(
                        ProductInput(name: "Casco dieléctrico", price: 45000, stock: 3))
                    #expect(try await test.store.product(id: created.id)?.name == "Casco dieléctrico")
                    return try #require(span).identity
                }
            }
            let spans = recorder.drain()
            let prefix = engine == .sqlite ? "sqlite " : "postgresql "
            let names = spans.map(\.name)
            for call in ["createProduct(_:)", "product(id:)"] {
                let span = try #require(spans.first { $0.name == prefix + call }, "\(names)")
                #expect(span.kind == .client)
                #expect(span.parentSpanId == parent.spanId)
                #expect(span.identity.traceIdHex == parent.traceIdHex)
                #expect(span.endNanos >= span.startNanos)
            }
            // With tracing off nothing is recorded and the calls still work.
            #expect(try await test.store.product(id: 404) == nil)
            #expect(recorder.drain().isEmpty)
        }
    }
}
