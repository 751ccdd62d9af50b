import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Shop
@testable import Support

/// CORS for browser front ends: `CORS_ORIGINS` lists who may call; a preflight from anyone
/// else is refused; credentials never go with `*`; nothing changes when it is empty.
@Suite("CORS: preflight and headers for the listed origins only")
struct CORSTests {
    let signer = TokenSigner(secret: "secreto-de-pruebas-0123456789")

    func withApp(_ cors: CORSPolicy, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void)
        async throws
    {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let directory = try TemporaryDirectory()
        var deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: JobWaiters(client: fixture.jobs), signer: signer,
            database: try directory.openDatabase())
        deps.cors = cors
        try await Application(router: buildRouter(deps)).test(.router, body)
    }

    static func preflight(_ origin: String) -> HTTPFields {
        [
            .origin: origin, .accessControlRequestMethod: "POST",
            .accessControlRequestHeaders: "authorization, content-type",
        ]
    }

    @Test func aListedOriginGetsItsPreflightAndHeadersOthersDoNot() async throws {
        let policy = try CORSPolicy(
            environment: Environment(["CORS_ORIGINS": "https://tienda.example.co, http://localhost:5173/"]))
        #expect(policy.origins == ["https://tienda.example.co", "http://localhost:5173"])
        try await withApp(policy) { client in
            try await client.execute(
                uri: "/chat/texto", method: .options, headers: Self.preflight("https://tienda.example.co")
            ) {
                #expect($0.status == .noContent)
                #expect($0.headers[.accessControlAllowOrigin] == "https://tienda.example.co")
                #expect($0.headers[.accessControlAllowCredentials] == "true")
                #expect($0.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
                #expect($0.headers[.accessControlAllowMethods]?.contains("POST") == true)
            }
            try await client.execute(
                uri: "/chat/texto", method: .options, headers: Self.preflight("https://malo.example")
            ) {
                #expect($0.status == .forbidden)
                #expect($0.headers[.accessControlAllowOrigin] == nil)
                #expect(String(buffer: $0.body).contains("origen_no_permitido"))
            }
            let token = signer.sign(subject: "web", role: .channel, lifetime: 600)
            try await client.execute(
                uri: "/productos", method: .get,
                headers: [.origin: "https://tienda.example.co", .authorization: "Bearer \(token)"]
            ) {
                #expect($0.status == .ok)
                #expect($0.headers[.accessControlAllowOrigin] == "https://tienda.example.co")
            }
            // Errors carry the headers too, so the browser can read them.
            try await client.execute(uri: "/productos", method: .get, headers: [.origin: "https://tienda.example.co"]) {
                #expect($0.status == .unauthorized)
                #expect($0.headers[.accessControlAllowOrigin] == "https://tienda.example.co")
            }
            try await client.execute(uri: "/health", method: .get, headers: [.origin: "https://malo.example"]) {
                #expect($0.status == .ok)
                #expect($0.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func anyOriginNeverComesWithCredentialsAndEmptyMeansNoHeaders() async throws {
        try await withApp(try CORSPolicy(environment: Environment(["CORS_ORIGINS": "*"]))) { client in
            try await client.execute(uri: "/productos", method: .options, headers: Self.preflight("https://x.example"))
            {
                #expect($0.status == .noContent)
                #expect($0.headers[.accessControlAllowOrigin] == "*")
                #expect($0.headers[.accessControlAllowCredentials] == nil)
            }
        }
        try await withApp(try CORSPolicy(environment: Environment([:]))) { client in
            try await client.execute(uri: "/health", method: .get, headers: [.origin: "https://x.example"]) {
                #expect($0.headers[.accessControlAllowOrigin] == nil)
            }
        }
        #expect(throws: ConfigError.self) {
            try CORSPolicy(environment: Environment(["CORS_ORIGINS": "tienda.example.co/ruta"]))
        }
    }
}
