import Foundation
import Testing

@testable import Integrations

@Suite("OpenAI transcription client against a fake OpenAI on loopback")
struct TranscriptionClientTests {
    static let fast = ProviderHTTP.RetryPolicy(attempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxWait: 1)

    func client(_ fake: FakeOpenAI, model: String = "whisper-1") -> OpenAITranscriptionClient {
        OpenAITranscriptionClient(
            config: OpenAIConfig(apiKey: FakeOpenAI.key, baseURL: fake.baseURL), model: model,
            transport: CurlTransport(), policy: Self.fast)
    }

    @Test func aVoiceNoteGoesAsItIsWithModelLanguageAndFormat() async throws {
        try await FakeOpenAI.run { fake in
            fake.transcript { audio in audio == MediaSamples.ogg ? "Necesito cinco cascos" : "otro audio" }
            let text = try await client(fake, model: "gpt-4o-mini-transcribe").transcribe(
                MediaSamples.ogg, format: .ogg)
            #expect(text == "Necesito cinco cascos")
            let call = try #require(fake.calls.first)
            #expect(call.filename == "audio.ogg")
            #expect(call.contentType == "audio/ogg")
            #expect(call.audio == MediaSamples.ogg)
            #expect(call.fields["model"] == "gpt-4o-mini-transcribe")
            #expect(call.fields["language"] == "es")
            #expect(call.fields["response_format"] == "json")
            #expect(fake.server.requests.first?.headers["authorization"] == "Bearer \(FakeOpenAI.key)")
            _ = try await client(fake).transcribe(MediaSamples.m4a, format: .m4a)
            #expect(fake.calls.last?.filename == "audio.m4a")
            #expect(fake.calls.last?.contentType == "audio/mp4")
        }
    }

    @Test func a503ThenSuccessResendsTheSameMultipartBody() async throws {
        try await FakeOpenAI.run { fake in
            fake.injectServerError(503)
            fake.injectRateLimit(retryAfterMs: 30)
            let text = try await client(fake).transcribe(MediaSamples.wav, format: .wav)
            #expect(text.contains("guantes de vaqueta"))
            let calls = fake.calls
            #expect(calls.count == 3)
            #expect(Set(calls.map(\.rawBody)).count == 1, "every try sends identical bytes")
            #expect(calls.allSatisfy { $0.audio == MediaSamples.wav && $0.filename == "audio.wav" })
        }
    }

    @Test func permanentFailuresAreNotRetried() async throws {
        try await FakeOpenAI.run { fake in
            fake.injectBadRequest()
            let bad = await #expect(throws: ProviderError.self) {
                try await client(fake).transcribe(MediaSamples.ogg, format: .ogg)
            }
            #expect(bad?.kind == .permanent)
            #expect(bad?.message == "Audio file might be corrupted or unsupported")
            fake.injectInsufficientQuota()
            let quota = await #expect(throws: ProviderError.self) {
                try await client(fake).transcribe(MediaSamples.ogg, format: .ogg)
            }
            #expect(quota?.kind == .permanent, "a spent quota is not a rate limit")
            #expect(fake.server.requests.count == 2)
            var wrongKey = client(fake)
            wrongKey.config = OpenAIConfig(apiKey: "sk-otra", baseURL: fake.baseURL)
            let denied = await #expect(throws: ProviderError.self) {
                try await wrongKey.transcribe(MediaSamples.ogg, format: .ogg)
            }
            #expect(denied?.status == 401)
            #expect(denied?.description.contains("sk-otra") == false)
        }
    }

    @Test func aCompatibleServerAnsweringPlainTextIsUnderstood() async throws {
        try await FakeOpenAI.run { fake in
            fake.server.route("POST", FakeOpenAI.transcriptions) { _ in
                .init(status: 200, headers: ["Content-Type": "text/plain"], body: Data(" hola, ¿tienen botas?\n".utf8))
            }
            let text = try await client(fake).transcribe(MediaSamples.mp3ID3, format: .mp3)
            #expect(text == "hola, ¿tienen botas?")
            #expect(fake.calls.first?.filename == "audio.mp3")
        }
    }
}
