import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support

/// Found by reading (issue 16): no per-token or per-chat rate limit, and no cap on `?wait`
/// polls held open. Limits now live in Redis (shared by every front end): over one, the
/// caller gets 429 `demasiadas_solicitudes` with `Retry-After`.
@Suite("Security: rate limits and wait polls")
struct RateLimitTests {
    func message(_ client: any TestClientProtocol, _ h: SecurityHarness, token: String, chat: String) async throws
        -> TestResponse
    {
        let body = try JSONSerialization.data(withJSONObject: ["chat_id": chat, "mensaje": "hola"])
        return try await client.execute(
            uri: "/chat/texto", method: .post, headers: h.headers(token: token), body: ByteBuffer(bytes: body))
    }

    @Test func aChatOverItsMessagesPerMinuteGets429() async throws {
        var limits = LimitsConfig()
        limits.messagesPerMinutePerChat = 3
        try await SecurityHarness.run(limits: limits) { h, client in
            let token = h.token(.channel, "widget")
            for _ in 0..<3 {
                #expect(try await message(client, h, token: token, chat: "charlatan").status == .accepted)
            }
            let refused = try await message(client, h, token: token, chat: "charlatan")
            #expect(refused.status == .tooManyRequests)
            #expect(SecurityHarness.errorCode(refused) == "demasiadas_solicitudes")
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(try await message(client, h, token: token, chat: "otro").status == .accepted)
        }
    }

    @Test func aTokenOverItsRequestsPerMinuteGets429OnEveryRoute() async throws {
        var limits = LimitsConfig()
        limits.requestsPerMinutePerToken = 4
        try await SecurityHarness.run(limits: limits) { h, client in
            let token = h.token(.operator, "laura")
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 {
                statuses.append(
                    try await client.execute(uri: "/productos", method: .get, headers: h.headers(token: token)).status)
            }
            #expect(statuses.prefix(4).allSatisfy { $0 == .ok })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            let other = h.token(.operator, "ana")
            #expect(
                try await client.execute(uri: "/productos", method: .get, headers: h.headers(token: other)).status
                    == .ok)
        }
    }

    @Test func waitPollsAreCappedPerToken() async throws {
        var limits = LimitsConfig()
        limits.maxWaitPollsPerToken = 1
        try await SecurityHarness.served(limits: limits) { h, port in
            let token = h.token(.channel, "widget")
            let job = try await h.fixture.jobs.enqueue(NoopJob(), owner: "canal:widget")  // no worker: stays queued
            // Two polls with wait from one token, sent together: whichever the server takes
            // second is refused at once while the other is held (no order between them is
            // assumed; a round where the first ended before the second came is tried again).
            let (refused, held, plain) = try await BlockingPool.shared.run { () throws -> (String, String, String) in
                func get(_ path: String, _ socket: LoopbackSocket) throws {
                    try socket.send("GET \(path) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n\r\n")
                }
                var answers = ("", "")
                for _ in 0..<5 {
                    // The held poll answers after its 3 s; the timeouts only bound a hang (a
                    // loaded CI machine took more than 10 s).
                    let a = try LoopbackSocket(port: port, receiveTimeoutSeconds: 60)
                    defer { a.close() }
                    let b = try LoopbackSocket(port: port, receiveTimeoutSeconds: 60)
                    defer { b.close() }
                    try get("/jobs/\(job.id)?wait=3", a)
                    try get("/jobs/\(job.id)?wait=3", b)
                    let (first, second) = (a.receive(), b.receive())
                    answers = first.hasPrefix("HTTP/1.1 429") ? (first, second) : (second, first)
                    if answers.0.hasPrefix("HTTP/1.1 429") { break }
                }
                let plainSocket = try LoopbackSocket(
                    port: port, receiveTimeoutSeconds: LoopbackSocket.loadedReceiveSeconds)
                defer { plainSocket.close() }
                try get("/jobs/\(job.id)", plainSocket)
                return (answers.0, answers.1, plainSocket.receive())
            }
            #expect(refused.hasPrefix("HTTP/1.1 429"), "\(refused.prefix(200))")
            #expect(refused.contains("demasiadas_solicitudes"))
            #expect(held.hasPrefix("HTTP/1.1 200"), "the poll held open is answered: \(held.prefix(100))")
            #expect(plain.hasPrefix("HTTP/1.1 200"), "a poll without wait is always answered")
        }
    }

    @Test func waitPollCountsGoBackDown() {
        let polls = WaitPolls(capacity: 2, perToken: 1)
        #expect(polls.enter("a"))
        #expect(!polls.enter("a"))
        #expect(polls.enter("b"))
        #expect(!polls.enter("c"), "the process's cap")
        polls.leave("a")
        #expect(polls.enter("c"))
        #expect(polls.open == 2)
    }
}
