import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import JobEngine
@testable import Pipeline
@testable import Shop

/// Finding 3 (issue 16): HTTP chat ids were one namespace for every channel and the last
/// writer became the owner; `/chat/imagen` and `/chat/audio` took `tg:` ids. Now a channel's
/// chat ids live in its own namespace, ownership is set once, `tg:` ids only come from
/// Telegram, and staff name a chat by its channel's id (with `canal` when several use it).
@Suite("Security: chats belong to the channel that writes them")
struct ChatOwnershipTests {
    func post(
        _ client: any TestClientProtocol, _ h: SecurityHarness, channel: String, chat: String, key: String? = nil
    ) async throws -> TestResponse {
        var headers = h.headers(.channel, channel)
        if let key { headers[.idempotencyKey] = key }
        let body = try JSONSerialization.data(withJSONObject: ["chat_id": chat, "mensaje": "hola"])
        return try await client.execute(
            uri: "/chat/texto", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func storedChat(_ h: SecurityHarness, _ response: TestResponse) async throws -> String {
        let id = try #require(SecurityHarness.jobId(response))
        let payload = try #require(try await h.fixture.jobs.payload(of: id))
        return try JobCoding.decode(ChatMessageJob.self, from: payload).chatId
    }

    @Test func twoChannelsUsingOneChatIdWriteToTwoChats() async throws {
        try await SecurityHarness.run { h, client in
            let a = try await post(client, h, channel: "tienda-a", chat: "cliente-1", key: "k1")
            let b = try await post(client, h, channel: "tienda-b", chat: "cliente-1", key: "k1")
            #expect(a.status == .accepted && b.status == .accepted)
            let chatA = try await storedChat(h, a)
            let chatB = try await storedChat(h, b)
            #expect(chatA != chatB, "channel B must not join channel A's cart and checkout")
            #expect(ChatScope.external(chatA) == "cliente-1" && ChatScope.external(chatB) == "cliente-1")
            // The same Idempotency-Key from two channels is two messages.
            #expect(SecurityHarness.jobId(a) != SecurityHarness.jobId(b))
        }
    }

    @Test func aChannelReadsOnlyItsOwnHistoryAndSeesItsOwnIds() async throws {
        try await SecurityHarness.run { h, client in
            let a = try await post(client, h, channel: "tienda-a", chat: "cliente-2")
            let chatA = try await storedChat(h, a)
            // What the reply worker records for A's turn.
            try h.database.recordChannel(chatId: chatA, channel: .http, owner: "tienda-a")
            try h.database.appendMessage(NewMessage(chatId: chatA, sender: .user, content: "mi cédula es 123"))
            // B writes to the same id afterwards: it does not become the owner of A's chat.
            _ = try await post(client, h, channel: "tienda-b", chat: "cliente-2")
            try h.database.recordChannel(chatId: chatA, channel: .http, owner: "tienda-b")
            #expect(try h.database.chatControl(chatId: chatA).owner == "tienda-a", "ownership never moves")

            let asB = try await client.execute(
                uri: "/chat/historial/cliente-2", method: .get, headers: h.headers(.channel, "tienda-b"))
            #expect(!String(buffer: asB.body).contains("123"), "B must not read A's conversation")
            let asA = try await client.execute(
                uri: "/chat/historial/cliente-2", method: .get, headers: h.headers(.channel, "tienda-a"))
            #expect(asA.status == .ok)
            let text = String(buffer: asA.body)
            #expect(text.contains("mi cédula es 123"))
            #expect(text.contains(#""chat_id":"cliente-2""#), "the channel sees its own id: \(text)")
        }
    }

    @Test func telegramIdsAreRefusedOnEveryChannelRoute() async throws {
        try await SecurityHarness.run { h, client in
            let text = try await post(client, h, channel: "tienda-a", chat: "tg:123456")
            #expect(text.status == .unprocessableContent)
            for (route, field, file) in [
                ("imagen", "imagen", MediaSamples.png), ("audio", "audio", MediaSamples.ogg),
            ] {
                let form = MediaHarness.form([("chat_id", "tg:123456")], file: (field, "x.bin", file))
                var headers = h.headers(.channel, "tienda-a", json: false)
                headers[.contentType] = form.contentType
                let response = try await client.execute(
                    uri: "/chat/\(route)", method: .post, headers: headers, body: form.body)
                #expect(response.status == .unprocessableContent, "/chat/\(route): \(String(buffer: response.body))")
                #expect(SecurityHarness.errorCode(response) == "validacion")
            }
            let history = try await client.execute(
                uri: "/chat/historial/tg:123456", method: .get, headers: h.headers(.channel, "tienda-a"))
            #expect(history.status == .unprocessableContent)
        }
    }

    @Test func staffNameAChatByItsChannelsIdAndCanalWhenAmbiguous() async throws {
        try await SecurityHarness.run { h, client in
            let chatA = ChatScope.scoped("cliente-3", channel: "tienda-a")
            let chatB = ChatScope.scoped("cliente-3", channel: "tienda-b")
            for (chat, owner) in [(chatA, "tienda-a"), (chatB, "tienda-b")] {
                try h.database.recordChannel(chatId: chat, channel: .http, owner: owner)
                try h.database.appendMessage(NewMessage(chatId: chat, sender: .user, content: "hola \(owner)"))
            }
            let ambiguous = try await client.execute(
                uri: "/chat/historial/cliente-3", method: .get, headers: h.headers(.operator, "laura"))
            #expect(ambiguous.status == .conflict)
            let chosen = try await client.execute(
                uri: "/chat/historial/cliente-3?canal=tienda-b", method: .get, headers: h.headers(.operator, "laura"))
            #expect(chosen.status == .ok)
            #expect(String(buffer: chosen.body).contains("hola tienda-b"))
            #expect(!String(buffer: chosen.body).contains("hola tienda-a"))
            let orders = try await client.execute(
                uri: "/pedidos?chat_id=cliente-3&canal=tienda-a", method: .get, headers: h.headers(.operator, "laura"))
            #expect(orders.status == .ok)
            let unknown = try await client.execute(
                uri: "/pedidos?chat_id=cliente-3", method: .get, headers: h.headers(.operator, "laura"))
            #expect(unknown.status == .conflict, "several channels use cliente-3: canal must say which")
        }
    }

    @Test func aChannelNamedLikeAnOperatorDoesNotSeeTheOperatorsJobs() async throws {
        try await SecurityHarness.run { h, client in
            let export = try await client.execute(
                uri: "/exportar/clientes", method: .post, headers: h.headers(.operator, "laura"))
            #expect(export.status == .accepted)
            let id = try #require(SecurityHarness.jobId(export))
            let asChannel = try await client.execute(
                uri: "/jobs/\(id)", method: .get, headers: h.headers(.channel, "laura"))
            #expect(asChannel.status == .notFound, "a canal called laura must not see laura's export link")
            let asOperator = try await client.execute(
                uri: "/jobs/\(id)", method: .get, headers: h.headers(.operator, "laura"))
            #expect(asOperator.status == .ok)
        }
    }
}
