import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Assistant
@testable import Pipeline
@testable import SpanishText
@testable import Workers

/// Finding 2 (issue 16): a message of 800 space-separated "1"s took 6.3 s of worker CPU, the
/// number scanner reading every prefix of every run of numeric words. These tests count the
/// words the checkout scanner looks at (deterministic, no clock): it must stay within a
/// constant per word of the message, whatever the message.
@Suite("Security: parsing customer text is linear in its length")
struct ParsingCostTests {
    /// Adversarial messages of `count` repetitions of each piece.
    static let pieces = ["1 ", "1-", "1.", "315 ", "cc ", "calle 1 ", "cel 3 ", "a@b.co 1 ", "calle 5 # 1-"]

    @Test(arguments: pieces)
    func theCheckoutScannerLooksAtEachWordABoundedNumberOfTimes(_ piece: String) {
        for count in [250, 1_000] {
            let message = String(repeating: piece, count: count)
            let scan = FieldScanner(message)
            #expect(
                scan.wordVisits <= 20 * max(1, scan.words.count),
                "\(count) × \"\(piece)\": \(scan.wordVisits) visits for \(scan.words.count) words")
        }
    }

    @Test func eightHundredOnesAreStillReadAsNumbers() {
        let scan = FieldScanner(String(repeating: "1 ", count: 800))
        #expect(scan.entities.count == 800)
        // A phone split in groups is still one number.
        let phone = FieldScanner("1 1 1 315 678 9012 1")
        let numbers = phone.entities.compactMap { entity -> String? in
            if case .number(let digits, _) = entity.kind { return digits }
            return nil
        }
        #expect(numbers == ["1", "1", "1", "3156789012", "1"])
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
