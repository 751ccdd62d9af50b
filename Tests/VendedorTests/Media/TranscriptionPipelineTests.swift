import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Integrations
@testable import Workers

/// Voice notes through the whole pipeline: HTTP upload → blob store → Redis → transcription
/// worker (OpenAI's wire format on a loopback fake) → the chat message, or a kind reply.
@Suite("Transcription pipeline: voice notes up to the chat message or a reply")
struct TranscriptionPipelineTests {
    static func openAI(_ fake: FakeOpenAI, model: String = "whisper-1") -> TranscriptionConfig {
        TranscriptionConfig(
            provider: .openai, openAI: OpenAIConfig(apiKey: FakeOpenAI.key, baseURL: fake.baseURL), model: model)
    }

    @Test func aVoiceNoteBecomesAChatMessageWithItsCaption() async throws {
        try await FakeOpenAI.run { fake in
            fake.transcript { audio in audio == MediaSamples.ogg ? "¿Tienen botas punta de acero talla 40?" : "?" }
            try await MediaHarness.run(transcription: Self.openAI(fake)) { harness, client in
                let id = try await harness.upload(
                    client, "audio", chatId: "web-voz", caption: "Es para mi esposo", file: MediaSamples.ogg)
                let chat = try #require(try await harness.chats.wait().first)
                #expect(chat.chatId == "h:widget:web-voz")
                #expect(chat.kind == .audio)
                #expect(chat.message == "Es para mi esposo\n¿Tienen botas punta de acero talla 40?")
                #expect(harness.chats.envelopes.first?.rootId == id)
                let call = try #require(fake.calls.first)
                #expect(call.audio == MediaSamples.ogg, "the voice note is sent as it is")
                #expect(call.filename == "audio.ogg")
                #expect(call.fields["language"] == "es")
                #expect(try await harness.finished(id).state == .completed)
            }
        }
    }

    @Test func withoutTranscriptionTheCustomerIsAskedToWrite() async throws {
        try await MediaHarness.run(transcription: TranscriptionConfig(provider: .none)) { harness, client in
            let id = try await harness.upload(client, "audio", chatId: "web-sin-voz", file: MediaSamples.mp3ID3)
            let delivery = try #require(try await harness.deliveries.wait().first)
            #expect(delivery.text == AudioMessageHandler.noTranscription)
            #expect(delivery.chatId == "h:widget:web-sin-voz")
            #expect(delivery.channel == .http)
            #expect(delivery.jobId == id)
            // The contract's view: GET /jobs/{id} shows the reply.
            let response = try await client.execute(
                uri: "/jobs/\(id)?wait=20", method: .get, headers: harness.bearer())
            #expect(response.status == .ok)
            let body = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(body["estado"] as? String == "completado")
            let result = try #require(body["resultado"] as? [String: Any])
            #expect(result["respuesta"] as? String == AudioMessageHandler.noTranscription)
            #expect((result["productos"] as? [Any])?.isEmpty == true)
            #expect(result["pedido_id"] is NSNull)
            #expect(harness.chats.payloads.isEmpty)
        }
    }

    @Test func a503ThenSuccessAndARateLimitAreRetriedWithTheSameUpload() async throws {
        try await FakeOpenAI.run { fake in
            // First attempt: a 429 (slept inside the call, as the server asks), then a 503
            // ends the call's two tries; the engine's second attempt succeeds.
            fake.injectRateLimit(retryAfterMs: 20)
            fake.injectServerError(503)
            try await MediaHarness.run(transcription: Self.openAI(fake, model: "gpt-4o-mini-transcribe")) {
                harness, client in
                let id = try await harness.upload(client, "audio", file: MediaSamples.m4a)
                let chat = try #require(try await harness.chats.wait().first)
                #expect(chat.message == "Buenas tardes, necesito guantes de vaqueta")
                let calls = fake.calls
                #expect(calls.count == 3)
                #expect(calls[0].rawBody == calls[1].rawBody, "the multipart body is re-sent intact")
                #expect(
                    calls.allSatisfy {
                        $0.audio == MediaSamples.m4a && $0.filename == "audio.m4a"
                            && $0.fields == [
                                "model": "gpt-4o-mini-transcribe", "language": "es", "response_format": "json",
                            ]
                    })
                let status = try await harness.finished(id)
                #expect(status.state == .completed)
                #expect(status.attempts == 2, "the first attempt's two tries failed; the engine retried")
            }
        }
    }

    @Test func aRejectedAudioTellsTheCustomerAndDeadLetters() async throws {
        try await FakeOpenAI.run { fake in
            fake.injectBadRequest()
            fake.injectInsufficientQuota()
            try await MediaHarness.run(transcription: Self.openAI(fake)) { harness, client in
                let first = try await harness.upload(client, "audio", chatId: "web-a", file: MediaSamples.wav)
                let firstStatus = try await harness.finished(first)
                let second = try await harness.upload(client, "audio", chatId: "web-b", file: MediaSamples.mp3Frame)
                let secondStatus = try await harness.finished(second)
                for status in [firstStatus, secondStatus] {
                    #expect(status.state == .dead)
                    #expect(status.attempts == 1, "neither a 400 nor a spent quota is retried")
                }
                #expect(firstStatus.error?.contains("corrupted") == true)
                #expect(secondStatus.error?.contains("quota") == true)
                let deliveries = try await harness.deliveries.wait(for: 2)
                #expect(deliveries.map(\.chatId).sorted() == ["h:widget:web-a", "h:widget:web-b"])
                #expect(deliveries.allSatisfy { $0.text == AudioMessageHandler.failed })
                let dead = try await harness.fixture.jobs.deadJobs(queue: "transcripcion")
                #expect(Set(dead.jobs.map(\.id)) == [first, second])
                #expect(fake.calls.count == 2)
                #expect(harness.chats.payloads.isEmpty)
            }
        }
    }

    @Test func silenceGetsAKindReplyButACaptionStillReachesTheAgent() async throws {
        try await FakeOpenAI.run { fake in
            fake.transcript { _ in "  " }
            try await MediaHarness.run(transcription: Self.openAI(fake)) { harness, client in
                let silent = try await harness.upload(client, "audio", chatId: "web-silencio", file: MediaSamples.ogg)
                let delivery = try #require(try await harness.deliveries.wait().first)
                #expect(delivery.text == AudioMessageHandler.silent)
                #expect(try harness.reply(try await harness.finished(silent)).reply == AudioMessageHandler.silent)
                _ = try await harness.upload(
                    client, "audio", chatId: "web-silencio", caption: "Cotización de extintores", file: MediaSamples.ogg
                )
                let chat = try #require(try await harness.chats.wait().first)
                #expect(chat.message == "Cotización de extintores")
                #expect(chat.historyText == "Cotización de extintores\n[Nota de voz sin palabras reconocibles]")
            }
        }
    }
}
