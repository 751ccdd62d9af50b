import Foundation
import Testing

@testable import Assistant
@testable import Integrations

/// Replies phrased by a language model (fake OpenAI-compatible and Gemini servers on
/// loopback), checked against the facts, with the composed reply as the fallback.
@Suite("Model-written replies: grounded, checked, never lost", .serialized)
struct ReplyModelTests {
    static func openAIConfig(_ fake: FakeOpenAI) -> AgentConfig {
        AgentConfig(
            provider: .openai, model: "modelo-de-prueba", maxTokens: 321, maxHistory: 4, modelTimeout: .seconds(5),
            openAI: OpenAIConfig(apiKey: FakeOpenAI.key, baseURL: fake.baseURL))
    }

    /// The draft's price lines, reworded: what a well-behaved model does.
    static func rephrase(_ call: FakeOpenAI.ChatCall) -> FakeOpenAI.ChatAnswer {
        let draft = call.system.components(separatedBy: "BORRADOR (los hechos de esta respuesta):\n").last ?? ""
        let facts = draft.components(separatedBy: "\n\nINFORMACIÓN DE LA EMPRESA").first ?? ""
        return .text("¡Con mucho gusto! " + facts.replacingOccurrences(of: "\n", with: " "))
    }

    /// How the chat's last reply was written ("modelo", "respaldo", "plantilla").
    static func source(_ h: AgentHarness, _ chatId: String) throws -> String? {
        guard case .object(let metadata) = try h.database.history(chatId: h.stored(chatId)).last?.metadata,
            case .string(let source) = metadata["fuente"]
        else { return nil }
        return source
    }

    @Test func theModelPhrasesTheReplyFromTheFactsHistoryAndCompanyText() async throws {
        try await FakeOpenAI.run { fake in
            fake.chat(Self.rephrase)
            let h = try await AgentHarness(config: Self.openAIConfig(fake))
            _ = try await h.say("m1", "hola")
            let reply = try await h.say("m1", "¿a cómo tienen los guantes de vaqueta?")
            #expect(reply.reply.hasPrefix("¡Con mucho gusto!"))
            #expect(reply.reply.contains("$15.800"))
            let call = try #require(fake.chatCalls.last)
            #expect(call.model == "modelo-de-prueba")
            #expect(call.maxTokens == 321 && call.maxCompletionTokens == nil, "servidor compatible: max_tokens")
            #expect(call.system.contains("Guantes vaqueta: $15.800"))
            #expect(call.system.contains("Sextinvalle"), "con el texto de la empresa")
            #expect(call.messages.map(\.role) == ["system", "user", "assistant", "user"])
            #expect(call.lastUser == "¿a cómo tienen los guantes de vaqueta?")
            let stored = try h.database.history(chatId: h.stored("m1")).last
            #expect(stored?.content == reply.reply)
            #expect(try Self.source(h, "m1") == "modelo")
            await h.tearDown()
        }
    }

    @Test func aReplyWithAnInventedPriceOrProductIsReplacedByTheComposedOne() async throws {
        try await FakeOpenAI.run { fake in
            fake.chat { call in
                call.lastUser.contains("vaqueta")
                    ? .text("Los guantes de vaqueta están en oferta a $9.900, ¡aproveche!")
                    : .text("Le recomiendo también el Casco dieléctrico, es excelente.")
            }
            let h = try await AgentHarness(config: Self.openAIConfig(fake))
            let price = try await h.say("m2", "¿cuánto valen los guantes de vaqueta?")
            #expect(!price.reply.contains("$9.900"))
            #expect(price.reply.contains("Guantes vaqueta: $15.800 la unidad"))
            let product = try await h.say("m2", "¿tienen tapabocas N95?")
            #expect(!product.reply.contains("Casco dieléctrico"))
            #expect(product.reply.contains("Tapabocas N95: $4.800"))
            #expect(try Self.source(h, "m2") == "respaldo")
            #expect(fake.chatCalls.count == 2)
            await h.tearDown()
        }
    }

    @Test func rateLimitsAreRetriedAndServerErrorsFallBackToTheComposedReply() async throws {
        try await FakeOpenAI.run { fake in
            fake.chat(Self.rephrase)
            let h = try await AgentHarness(config: Self.openAIConfig(fake))
            fake.injectRateLimit(retryAfterMs: 20, path: FakeOpenAI.chatCompletions)
            let retried = try await h.say("m3", "¿tienen guantes de vaqueta?")
            #expect(retried.reply.hasPrefix("¡Con mucho gusto!"))
            #expect(fake.chatCalls.count == 2)
            fake.injectServerError(503, times: 3, path: FakeOpenAI.chatCompletions)
            let fallback = try await h.say("m3", "deme 2 pares")
            #expect(fallback.reply.contains("Listo, agregué 2 × Guantes vaqueta"))
            #expect(fake.chatCalls.count == 5)
            fake.chat { _ in .nullContent("content_filter") }
            let empty = try await h.say("m3", "¿qué llevo?")
            #expect(empty.reply.contains("2 × Guantes vaqueta — $31.600"))
            await h.tearDown()
        }
    }

    @Test func anOrderReplyMustGiveTheOrderNumberAndTotal() async throws {
        try await FakeOpenAI.run { fake in
            fake.chat { call in
                call.system.contains("quedó registrado") ? .text("¡Listo, pedido registrado!") : Self.rephrase(call)
            }
            let h = try await AgentHarness(config: Self.openAIConfig(fake))
            _ = try await h.say("m4", "2 extintores de 9 kilos")
            _ = try await h.say("m4", SalesConversationTests.details)
            let placed = try await h.say("m4", "sí")
            let id = try #require(placed.orderId)
            #expect(placed.reply.contains("#\(id)") && placed.reply.contains("$250.000"))
            await h.tearDown()
        }
    }

    @Test func geminiPhrasesRepliesAndItsFailuresFallBack() async throws {
        try await FakeGemini.run { fake in
            fake.answer { call in
                let system = call.systemInstruction ?? ""
                return system.contains("$45.000") || system.contains("$15.800")
                    ? .text("Claro: los Guantes vaqueta valen $15.800 y hay 23.") : .text("Hola, ¿en qué le ayudo?")
            }
            let config = AgentConfig(
                provider: .gemini, model: "gemini-2.0-flash", modelTimeout: .seconds(5),
                gemini: GeminiConfig(apiKey: FakeGemini.key, baseURL: fake.baseURL))
            let h = try await AgentHarness(config: config)
            let reply = try await h.say("g1", "¿a cómo los guantes de vaqueta?")
            #expect(reply.reply == "Claro: los Guantes vaqueta valen $15.800 y hay 23.")
            let call = try #require(fake.calls.last)
            #expect(call.model == "gemini-2.0-flash")
            #expect(call.texts.last == "¿a cómo los guantes de vaqueta?")
            #expect(call.systemInstruction?.contains("Guantes vaqueta: $15.800") == true)
            fake.injectUnavailable(3)
            let fallback = try await h.say("g1", "deme 3 pares")
            #expect(fallback.reply.contains("Listo, agregué 3 × Guantes vaqueta"))
            await h.tearDown()
        }
    }
}
