import Foundation
import Testing

@testable import Integrations
@testable import JobEngine

@Suite("Gemini generateContent client against a fake Gemini on loopback")
struct GeminiClientTests {
    static let fast = ProviderHTTP.RetryPolicy(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 1)

    func client(_ fake: FakeGemini, key: String? = FakeGemini.key, model: String = "gemini-2.0-flash") -> GeminiClient {
        GeminiClient(
            config: GeminiConfig(apiKey: key, baseURL: fake.baseURL, model: model), transport: CurlTransport(),
            policy: Self.fast)
    }

    @Test func textAndImageGoOutInCamelCaseWithTheKeyInAHeader() async throws {
        try await FakeGemini.run { fake in
            let image = MediaSamples.jpeg
            let request = GeminiRequest(
                contents: [.user(.text("¿Qué es esto?"), .inline(image, mimeType: "image/jpeg"))],
                systemInstruction: "Describe fotos en una frase.",
                generationConfig: GeminiGenerationConfig(temperature: 3, maxOutputTokens: 256))
            let reply = try await client(fake).generateContent(request, model: "models/gemini-2.5-flash")
            #expect(reply.text == "Un casco de seguridad blanco.")
            #expect(reply.finishReason == .stop)
            #expect(reply.usage?.totalTokenCount == 280)
            #expect(reply.usage?.thoughtsTokenCount == 0)
            #expect(!reply.truncated)
            let call = try #require(fake.calls.first)
            #expect(call.model == "gemini-2.5-flash")
            #expect(call.camelCase)
            #expect(call.texts == ["¿Qué es esto?"])
            #expect(call.images.count == 1)
            #expect(call.images.first?.mimeType == "image/jpeg")
            #expect(call.images.first?.data == image)
            #expect(call.systemInstruction == "Describe fotos en una frase.")
            #expect(call.generationConfig?["temperature"] as? Double == 2)
            #expect(call.generationConfig?["maxOutputTokens"] as? Int == 256)
            let received = try #require(fake.server.requests.first)
            #expect(received.headers["x-goog-api-key"] == FakeGemini.key)
            #expect(!received.query.contains("key="))
            #expect(!received.text.contains("data:"), "inline data is plain base64, no data: URL")
        }
    }

    @Test func everyNonThoughtPartIsJoinedAndMissingUsageIsFine() async throws {
        try await FakeGemini.run { fake in
            fake.answer { _ in .parts(["Casco ", "de seguridad ", "blanco."], thought: "El usuario quiere…") }
            let request = GeminiRequest(contents: [.user(.text("hola"))])
            #expect(try await client(fake).generateContent(request).text == "Casco de seguridad blanco.")
            fake.answer { _ in .textWithoutUsage("Listo.") }
            let reply = try await client(fake).generateContent(request)
            #expect(reply.text == "Listo.")
            #expect(reply.usage == nil)
        }
    }

    @Test func answersWithoutTextBecomeTypedErrors() async throws {
        try await FakeGemini.run { fake in
            let gemini = client(fake)
            let request = GeminiRequest(contents: [.user(.text("hola"))])
            fake.answer { _ in .promptBlocked("SAFETY") }
            await #expect(throws: GeminiError.promptBlocked(GeminiBlockReason(rawValue: "SAFETY"))) {
                try await gemini.generateContent(request)
            }
            fake.answer { _ in .promptBlocked("NEW_REASON_2027") }
            await #expect(throws: GeminiError.promptBlocked(GeminiBlockReason(rawValue: "NEW_REASON_2027"))) {
                try await gemini.generateContent(request)
            }
            fake.answer { _ in .candidateWithoutText("SAFETY") }
            await #expect(throws: GeminiError.outputBlocked(.safety)) { try await gemini.generateContent(request) }
            fake.answer { _ in .maxTokensThinking }
            await #expect(throws: GeminiError.emptyOutput(.maxTokens)) { try await gemini.generateContent(request) }
            fake.answer { _ in .candidateWithoutText("SOMETHING_NEW") }
            await #expect(throws: GeminiError.emptyOutput(GeminiFinishReason(rawValue: "SOMETHING_NEW"))) {
                try await gemini.generateContent(request)
            }
            // Each is a permanent job failure.
            if case .permanent(let message) = GeminiError.outputBlocked(.safety).jobError {
                #expect(message.contains("SAFETY"))
            } else {
                Issue.record("a blocked answer must fail the job for good")
            }
            #expect(fake.calls.count == 5, "no retries for answers that came back")
        }
    }

    @Test func rateLimitsAndOverloadsAreRetriedWithTheServersDelay() async throws {
        try await FakeGemini.run { fake in
            let gemini = client(fake)
            let request = GeminiRequest(contents: [.user(.text("hola"))])
            fake.injectRateLimit(retryDelay: "0.05s")
            fake.injectUnavailable()
            let recovered = try await gemini.generateContent(request)
            #expect(recovered.text == "Un casco de seguridad blanco.")
            #expect(fake.calls.count == 3)

            // A long delay is handed to the job engine as a retry-after, not slept here.
            fake.injectRateLimit(retryDelay: "45.837906927s")
            let limited = await #expect(throws: ProviderError.self) { try await gemini.generateContent(request) }
            #expect(limited?.kind == .rateLimited)
            #expect(limited?.retryAfter == 45.837906927)
            if case .retryAfter(let seconds, _)? = limited?.jobError as? JobError {
                #expect(seconds == 45.837906927)
            } else {
                Issue.record("a 429 must become a retry-after")
            }
            #expect(fake.calls.count == 4)

            // A per-day quota cannot be fixed by retrying: no second call.
            fake.injectRateLimit(retryDelay: "0.01s", perDay: true)
            let daily = await #expect(throws: ProviderError.self) { try await gemini.generateContent(request) }
            #expect(daily?.kind == .permanent)
            #expect(fake.calls.count == 5)
        }
    }

    @Test func badKeysUnknownModelsAndOversizeRequestsFailAtOnce() async throws {
        try await FakeGemini.run { fake in
            let request = GeminiRequest(contents: [.user(.text("hola"))])
            let wrongKey = await #expect(throws: ProviderError.self) {
                try await client(fake, key: "otra").generateContent(request)
            }
            #expect(wrongKey?.kind == .permanent)
            #expect(wrongKey?.status == 400)
            #expect(wrongKey?.message.contains("API key not valid") == true)
            #expect(wrongKey?.description.contains("otra") == false)
            let noKey = await #expect(throws: ProviderError.self) {
                try await client(fake, key: nil).generateContent(request)
            }
            #expect(noKey?.status == 403)
            let unknown = await #expect(throws: ProviderError.self) {
                try await client(fake, model: "palm-2").generateContent(request)
            }
            #expect(unknown?.status == 404)
            #expect(unknown?.kind == .permanent)
            #expect(fake.server.requests.count == 3)

            var small = client(fake)
            small.maxRequestBytes = 1_000
            let big = GeminiRequest(contents: [.user(.inline(Data(count: 2_000), mimeType: "image/png"))])
            await #expect(throws: GeminiError.self) { try await small.generateContent(big) }
            #expect(fake.server.requests.count == 3, "checked before sending")
        }
    }
}
