import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline

@Suite("Hand-written payload JSON")
struct PayloadEncodingTests {
    /// The chat message's hand-written JSON must be the very text JobCoding writes, so a
    /// stored payload does not depend on which path wrote it.
    @Test(arguments: [
        "Hola, ¿tienen guantes de vaqueta?",
        "comillas \" y barra \\ y / y 50% ñÑ áéíóú",
        "línea 1\nlínea 2\r\n\ttab \u{8} \u{c} \u{1} \u{1f} \u{7f}",
        "emoji 🧯👷‍♀️ y \u{2028} separador",
        "",
    ])
    func chatMessageMatchesJSONEncoder(message: String) throws {
        let job = ChatMessageJob(
            chatId: "web:abc-1.2_3", channel: .http, kind: .text, message: message, receivedMs: 1_795_000_000_123)
        let handWritten = try job.encodedPayload()
        #expect(handWritten == (try JobCoding.encode(job)))
        #expect(try JobCoding.decode(ChatMessageJob.self, from: handWritten) == job)
    }

    @Test func newJobUsesThePayloadsOwnEncoding() throws {
        let job = ChatMessageJob(chatId: "c1", channel: .telegram, message: "dos\ncascos", receivedMs: 7)
        let made = try NewJob(job)
        #expect(
            made.payload
                == #"{"canal":"telegram","chat_id":"c1","mensaje":"dos\ncascos","recibido_ms":7,"tipo":"texto"}"#)
        #expect(made.orderingKey == "c1")
    }
}
