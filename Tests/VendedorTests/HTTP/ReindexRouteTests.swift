import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Shop

@Suite("Retrieval: POST /admin/reindexar")
struct ReindexRouteTests {
    @Test func adminsStartAReindexJobOthersCannot() async throws {
        try await CommerceHarness.run { harness, client in
            let response = try await client.execute(
                uri: "/admin/reindexar", method: .post, headers: harness.json(.admin),
                body: ByteBuffer(string: #"{"motivo":"catálogo revisado"}"#))
            #expect(response.status == .accepted)
            let accepted = try harness.decode(CommerceHarness.Accepted.self, response)
            let status = try #require(try await harness.fixture.status(accepted.jobId))
            #expect(status.kind == ReindexCatalogJob.kind)
            #expect(status.state == .queued)
            let payload = try #require(try await harness.fixture.jobs.payload(of: accepted.jobId))
            #expect(try JobCoding.decode(ReindexCatalogJob.self, from: payload).reason == "catálogo revisado")

            let empty = try await client.execute(
                uri: "/admin/reindexar", method: .post, headers: harness.bearer(.admin))
            #expect(empty.status == .accepted)

            let `operator` = try await client.execute(
                uri: "/admin/reindexar", method: .post, headers: harness.bearer(.operator))
            #expect(`operator`.status == .forbidden)
            let anonymous = try await client.execute(uri: "/admin/reindexar", method: .post)
            #expect(anonymous.status == .unauthorized)
            let bad = try await client.execute(
                uri: "/admin/reindexar", method: .post, headers: harness.json(.admin), body: ByteBuffer(string: "{"))
            #expect(bad.status == .badRequest)
            let long = try await client.execute(
                uri: "/admin/reindexar", method: .post, headers: harness.json(.admin),
                body: ByteBuffer(string: #"{"motivo":"\#(String(repeating: "x", count: 201))"}"#))
            #expect(long.status == .unprocessableContent)
            #expect(try harness.error(long).code == "validacion")
        }
    }

    @Test func productEditsEnqueueTheirEmbedding() async throws {
        try await CommerceHarness.run { harness, client in
            let created = try await client.execute(
                uri: "/productos", method: .post, headers: harness.json(.admin),
                body: ByteBuffer(string: #"{"nombre":"Peto de carnaza","precio":30000,"stock":3}"#))
            #expect(created.status == .created)
            let id = try harness.decode(Product.self, created).id
            _ = try await client.execute(
                uri: "/productos/\(id)", method: .put, headers: harness.json(.admin),
                body: ByteBuffer(string: #"{"nombre":"Peto soldador"}"#))
            _ = try await client.execute(uri: "/productos/\(id)", method: .delete, headers: harness.bearer(.admin))
            let stats = try await harness.fixture.stats("indexar")
            #expect(stats.pendingCount == 3)
        }
    }
}
