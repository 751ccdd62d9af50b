import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Shop

/// Issue 21: a burst larger than Redis's memory allows is refused with a clear 503 at the
/// front end (Redis at `maxmemory` with `noeviction`), never a crash or a lost acknowledged
/// message; and the memory figures reach `/metrics`.
@Suite("Redis full: 503 sobrecargado, nothing acknowledged is lost")
struct RedisFullTests {
    let signer = TokenSigner(secret: FrontEndTests.secret)

    struct Accepted: Decodable {
        var jobId: String
        enum CodingKeys: String, CodingKey { case jobId = "job_id" }
    }

    @Test func aBurstPastMaxmemoryIsRefusedWith503AndEveryAcceptedMessageIsKept() async throws {
        try await FrontEndTests().withApp { fixture, client in
            let redis = fixture.jobs.redis
            let before = try await fixture.jobs.redisMemory()
            // Room for a few hundred messages of ~2 KB, then Redis refuses writes.
            _ = try await redis.send(RedisCommand("CONFIG", "SET", "maxmemory", String(before.usedBytes + 400_000)))
                .checked()
            let headers: HTTPFields = [
                .authorization: "Bearer \(signer.sign(subject: "rafaga", role: .channel, lifetime: 3600))"
            ]
            let text = String(repeating: "necesito guantes de nitrilo talla 9 para la planta ", count: 40)
            var accepted: [String] = []
            var refused = 0
            for index in 0..<3_000 where refused < 5 {
                let body = ByteBuffer(string: #"{"chat_id":"rafaga-\#(index)","mensaje":"\#(text)"}"#)
                let id: String? = try await client.execute(
                    uri: "/chat/texto", method: .post, headers: headers, body: body
                ) { response in
                    switch response.status {
                    case .accepted:
                        return try JSONDecoder().decode(Accepted.self, from: Data(buffer: response.body)).jobId
                    case .serviceUnavailable:
                        let error = try FrontEndTests().error(response)
                        #expect(error.code == "sobrecargado")
                        #expect(error.message.contains("no quedó registrado"))
                        #expect(response.headers[.retryAfter] == "60")
                    default:
                        Issue.record("estado inesperado \(response.status) en el mensaje \(index)")
                    }
                    return nil
                }
                if let id { accepted.append(id) } else { refused += 1 }
            }
            #expect(refused == 5, "Redis nunca se llenó: \(accepted.count) aceptados")
            #expect(accepted.count > 10)
            // Every acknowledged message is still there, queued.
            for id in accepted {
                let status = try await fixture.jobs.status(id)
                #expect(status?.state == .queued, "el trabajo \(id) aceptado se perdió")
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("vendedor_redis_memory_max_bytes \(before.usedBytes + 400_000)"))
                #expect(text.contains("vendedor_redis_memory_used_bytes "))
            }
            // Room again: accepted again.
            _ = try await redis.send(RedisCommand("CONFIG", "SET", "maxmemory", "0")).checked()
            let body = ByteBuffer(string: #"{"chat_id":"rafaga-final","mensaje":"hola"}"#)
            try await client.execute(uri: "/chat/texto", method: .post, headers: headers, body: body) {
                #expect($0.status == .accepted)
            }
        }
    }

    @Test func theMemoryWatchWarnsOnCrossingAndOnceBackUnder() {
        let ceiling = 1_000
        func verdict(_ used: Int, _ wasAbove: Bool) -> RedisMemoryWatch.Verdict {
            RedisMemoryWatch.verdict(.init(usedBytes: used, maxBytes: ceiling), warnFraction: 0.8, wasAbove: wasAbove)
        }
        #expect(verdict(799, false) == .fine)
        #expect(verdict(800, false) == .crossedAbove)
        #expect(verdict(950, true) == .stillAbove)
        #expect(verdict(500, true) == .backUnder)
        // Without a ceiling there is nothing to warn about.
        #expect(
            RedisMemoryWatch.verdict(.init(usedBytes: 10_000_000, maxBytes: 0), warnFraction: 0.8, wasAbove: false)
                == .fine)
        let parsed = RedisMemory(info: "# Memory\r\nused_memory:123456\r\nused_memory_human:120K\r\nmaxmemory:0\r\n")
        #expect(parsed == RedisMemory(usedBytes: 123_456, maxBytes: 0))
        #expect(RedisMemory(info: "used_memory:abc\nmaxmemory:-5\n") == RedisMemory(usedBytes: 0, maxBytes: 0))
    }
}
