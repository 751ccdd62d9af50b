import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Assistant
@testable import Pipeline
@testable import SpanishText
@testable import Workers

/// Finding 2 (issue 16): a message of 800 space-separated "1"s took 6.3 s of worker CPU, the
/// number scanner reading every prefix of every run of numeric words. Linearity itself is
/// measured by `ops/bench parse` (time for 4,000 vs 1,000 characters of hostile shapes, every
/// reader); here, that such a message is still read right.
@Suite("Security: parsing customer text is linear in its length")
struct ParsingCostTests {
    @Test func eightHundredOnesAreStillReadAsNumbers() {
        let scan = FieldScanner(String(repeating: "1 ", count: 800))
        #expect(!scan.entities.isEmpty && scan.entities.count <= FieldScanner.maxEntities)
        #expect(scan.entities.allSatisfy { if case .number = $0.kind { true } else { false } })
    }
}

/// The cap per chat message (finding 2): `POST /chat/texto` refuses more than 4,000
/// characters, and the reply worker reads at most that much of any message (a Telegram
/// text, a photo's text, a transcription), so no message costs the agent more.
@Suite("Security: a chat message has a length cap")
struct MessageCapTests {
    @Test func theWorkerReadsAtMostTheCapOfAnyMessage() {
        let long = ChatMessageJob(
            chatId: "tg:1", channel: .telegram, message: String(repeating: "1 ", count: 50_000), receivedMs: 0)
        let read = ChatMessageHandler.normalized(long, owner: nil)
        #expect(read.message.count == ChatMessageJob.maxLength)
        #expect(ChatMessageHandler.normalized(read, owner: nil).message == read.message)
    }

    @Test func theFrontEndRefusesALongerMessage() async throws {
        try await SecurityHarness.run { h, client in
            let body = try JSONSerialization.data(
                withJSONObject: ["chat_id": "web-1", "mensaje": String(repeating: "1 ", count: 2_001)])
            let response = try await client.execute(
                uri: "/chat/texto", method: .post, headers: h.headers(.channel, "widget"), body: ByteBuffer(bytes: body)
            )
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("4000"))
        }
    }
}
