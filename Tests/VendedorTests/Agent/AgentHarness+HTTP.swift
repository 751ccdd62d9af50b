import Foundation
import Hummingbird
import HummingbirdTesting

@testable import FrontEnd
@testable import Pipeline
@testable import Shop

extension AgentHarness {
    static let secret = "secreto-de-pruebas-agente-0123456789"

    var signer: TokenSigner { TokenSigner(secret: Self.secret) }

    /// The front end on the harness's Redis and database.
    func withFrontEnd(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let deps = FrontEndDependencies(
            jobs: fixture.jobs, waiters: waiters, signer: signer, database: database,
            uploadsDirectory: directory.url.appendingPathComponent("uploads").path,
            blobsDirectory: directory.url.appendingPathComponent("blobs").path)
        try await Application(router: buildRouter(deps)).test(.router) { client in try await body(client) }
    }

    func json(_ role: Role, _ subject: String = "widget") -> HTTPFields {
        [
            .authorization: "Bearer \(signer.sign(subject: subject, role: role, lifetime: 3600))",
            .contentType: "application/json",
        ]
    }

    /// `POST /chat/texto` → the job id.
    func post(_ client: any TestClientProtocol, _ chatId: String, _ text: String, subject: String = "widget")
        async throws -> String
    {
        let body = try JSONSerialization.data(withJSONObject: ["chat_id": chatId, "mensaje": text])
        return try await client.execute(
            uri: "/chat/texto", method: .post, headers: json(.channel, subject), body: ByteBuffer(bytes: body)
        ) { response in
            guard response.status == .accepted else { throw TestFailure("POST /chat/texto: \(response.status)") }
            return try JSONDecoder().decode(CommerceHarness.Accepted.self, from: Data(buffer: response.body)).jobId
        }
    }

    /// `GET /jobs/{id}?wait=30` → the chat reply.
    func waitReply(_ client: any TestClientProtocol, _ jobId: String, subject: String = "widget") async throws
        -> ChatReply
    {
        try await client.execute(uri: "/jobs/\(jobId)?wait=30", method: .get, headers: json(.channel, subject)) {
            response in
            struct Status: Decodable {
                var state: String
                var result: ChatReply?

                enum CodingKeys: String, CodingKey {
                    case state = "estado"
                    case result = "resultado"
                }
            }
            let status = try JSONDecoder().decode(Status.self, from: Data(buffer: response.body))
            guard status.state == "completado", let reply = status.result else {
                throw TestFailure("el trabajo \(jobId) terminó en \(status.state)")
            }
            return reply
        }
    }
}
