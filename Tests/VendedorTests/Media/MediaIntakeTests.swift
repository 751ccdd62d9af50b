import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Integrations
@testable import JobEngine
@testable import Pipeline

@Suite("Photo and audio intake: multipart, type by content, size limits, blob store, jobs")
struct MediaIntakeTests {
    @Test func aPhotoIsStoredByContentAndItsJobCarriesTheKey() async throws {
        try await MediaHarness.run(workers: false) { harness, client in
            // The name says GIF; the bytes say PNG, and the bytes win.
            let response = try await harness.post(
                client, "imagen", chatId: " web-7 ", caption: "  ¿Tienen este casco?  ", file: MediaSamples.png,
                filename: "foto.gif")
            #expect(response.status == .accepted)
            struct Accepted: Decodable {
                var jobId: String
                var state: String

                enum CodingKeys: String, CodingKey {
                    case jobId = "job_id"
                    case state = "estado"
                }
            }
            let accepted = try JSONDecoder().decode(Accepted.self, from: Data(buffer: response.body))
            #expect(accepted.state == "encolado")
            #expect(response.headers[.location] == "/jobs/\(accepted.jobId)")
            let payload = try #require(try await harness.fixture.jobs.payload(of: accepted.jobId))
            let job = try JobCoding.decode(ImageMessageJob.self, from: payload)
            #expect(job.chatId == "h:widget:web-7")
            #expect(job.channel == .http)
            #expect(job.mime == "image/png")
            #expect(job.message == "¿Tienen este casco?")
            #expect(BlobKey.isValid(job.blob))
            #expect(try harness.blobs.data(of: job.blob) == MediaSamples.png)
            #expect(!payload.contains("iVBOR"), "the job carries the key, never the bytes")
            let status = try #require(try await harness.fixture.status(accepted.jobId))
            #expect(status.queue == "vision")
            #expect(status.owner == "canal:widget")
        }
    }

    @Test func audioFormatsAreRecognisedByTheirFirstBytes() async throws {
        try await MediaHarness.run(workers: false) { harness, client in
            let cases: [(Data, String)] = [
                (MediaSamples.ogg, "audio/ogg"), (MediaSamples.mp3ID3, "audio/mpeg"),
                (MediaSamples.mp3Frame, "audio/mpeg"), (MediaSamples.m4a, "audio/mp4"), (MediaSamples.wav, "audio/wav"),
            ]
            for (index, (bytes, mime)) in cases.enumerated() {
                let id = try await harness.upload(client, "audio", chatId: "web-audio-\(index)", file: bytes)
                let job = try JobCoding.decode(
                    AudioMessageJob.self, from: try #require(try await harness.fixture.jobs.payload(of: id)))
                #expect(job.mime == mime)
                #expect(job.message == nil)
                #expect(try harness.blobs.data(of: job.blob) == bytes)
            }
            // A caption rides along with the audio.
            let id = try await harness.upload(client, "audio", caption: "para la obra", file: MediaSamples.ogg)
            let job = try JobCoding.decode(
                AudioMessageJob.self, from: try #require(try await harness.fixture.jobs.payload(of: id)))
            #expect(job.message == "para la obra")
            #expect(try await harness.fixture.status(id)?.queue == "transcripcion")
            for (bytes, mime) in [(MediaSamples.jpeg, "image/jpeg"), (MediaSamples.webp, "image/webp")] {
                let id = try await harness.upload(client, "imagen", file: bytes)
                let job = try JobCoding.decode(
                    ImageMessageJob.self, from: try #require(try await harness.fixture.jobs.payload(of: id)))
                #expect(job.mime == mime)
            }
        }
    }

    @Test func otherTypesAre415WhateverTheirName() async throws {
        try await MediaHarness.run(workers: false) { harness, client in
            let refused: [(String, Data, String)] = [
                ("imagen", MediaSamples.gif, "foto.jpg"), ("imagen", MediaSamples.pdf, "foto.png"),
                ("imagen", MediaSamples.heic, "foto.heic"), ("imagen", MediaSamples.ogg, "foto.jpg"),
                ("audio", MediaSamples.aacADTS, "nota.mp3"), ("audio", MediaSamples.heic, "nota.m4a"),
                ("audio", MediaSamples.png, "nota.ogg"), ("audio", Data("hola, esto es texto".utf8), "nota.wav"),
            ]
            for (route, bytes, name) in refused {
                let response = try await harness.post(client, route, file: bytes, filename: name)
                #expect(response.status == .unsupportedMediaType, "\(route) \(name)")
                #expect(try harness.error(response).code == "tipo_no_soportado")
            }
            // Not multipart at all.
            var headers = harness.bearer()
            headers[.contentType] = "application/json"
            let json = try await client.execute(
                uri: "/chat/imagen", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"chat_id":"web-7","imagen":"aGVsbG8="}"#))
            #expect(json.status == .unsupportedMediaType)
            #expect(try harness.error(json).message.contains("multipart/form-data"))
            #expect(try await harness.fixture.stats("vision").pendingCount == 0)
        }
    }

    @Test func oversizeUploadsAre413AndTheLimitItselfIsAccepted() async throws {
        try await MediaHarness.run(workers: false) { harness, client in
            let tooBig = MediaSamples.padded(Array(MediaSamples.png.prefix(12)), to: MediaFormat.maxImageBytes + 1)
            let refused = try await harness.post(client, "imagen", file: tooBig)
            #expect(refused.status == .contentTooLarge)
            let detail = try harness.error(refused)
            #expect(detail.code == "cuerpo_demasiado_grande")
            #expect(detail.message.contains("10 MB"))
            let exact = MediaSamples.padded(Array(MediaSamples.png.prefix(12)), to: MediaFormat.maxImageBytes)
            #expect(try await harness.post(client, "imagen", file: exact).status == .accepted)

            let longAudio = MediaSamples.padded(Array(MediaSamples.ogg.prefix(36)), to: MediaFormat.maxAudioBytes + 1)
            let audio = try await harness.post(client, "audio", file: longAudio)
            #expect(audio.status == .contentTooLarge)
            #expect(try harness.error(audio).message.contains("25 MB"))

            #expect(try await harness.fixture.stats("transcripcion").pendingCount == 0)
        }
    }

    @Test func badFormsAre400Or422NamingTheProblem() async throws {
        try await MediaHarness.run(workers: false) { harness, client in
            func send(_ contentType: String, _ body: String) async throws -> TestResponse {
                var headers = harness.bearer()
                headers[.contentType] = contentType
                return try await client.execute(
                    uri: "/chat/imagen", method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            let noBoundary = try await send("multipart/form-data", "--x\r\n\r\n--x--")
            #expect(noBoundary.status == .badRequest)
            #expect(try harness.error(noBoundary).code == "solicitud_invalida")
            let unterminated = try await send(
                "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\nweb-7\r\n--x\r\nContent-Disposition: form-data; name=\"imagen\"; filename=\"a.png\"\r\n\r\n\u{89}PNG sin cierre"
            )
            #expect(unterminated.status == .badRequest)
            #expect(try harness.error(unterminated).message.contains("sin cierre"))
            #expect(try await send("multipart/form-data; boundary=x", "esto no es multipart").status == .badRequest)

            let noChat = try await harness.post(client, "imagen", chatId: nil, file: MediaSamples.png)
            #expect(noChat.status == .unprocessableContent)
            #expect(try harness.error(noChat).message.contains("chat_id"))
            let badChat = try await harness.post(
                client, "imagen", chatId: "chat con espacios/..", file: MediaSamples.png)
            #expect(badChat.status == .unprocessableContent)
            let noFile = try await harness.post(client, "imagen", file: nil)
            #expect(noFile.status == .unprocessableContent)
            #expect(try harness.error(noFile).message.contains("\"imagen\""))
            let empty = try await harness.post(client, "audio", file: Data())
            #expect(empty.status == .unprocessableContent)
            let longCaption = try await harness.post(
                client, "imagen", caption: String(repeating: "a", count: 4_001), file: MediaSamples.png)
            #expect(longCaption.status == .unprocessableContent)
            #expect(try await harness.fixture.stats("vision").pendingCount == 0)

            let form = MediaHarness.form([("chat_id", "web-7")], file: ("imagen", "a.png", MediaSamples.png))
            let anonymous = try await client.execute(
                uri: "/chat/imagen", method: .post, headers: [.contentType: form.contentType], body: form.body)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func theSameIdempotencyKeyGivesTheSameJob() async throws {
        try await MediaHarness.run(workers: false) { harness, client in
            var ids: [String] = []
            for _ in 0..<2 {
                let response = try await harness.post(
                    client, "imagen", file: MediaSamples.jpeg, headers: [HTTPField.Name("Idempotency-Key")!: "foto-1"])
                #expect(response.status == .accepted)
                struct Accepted: Decodable {
                    var jobId: String; enum CodingKeys: String, CodingKey { case jobId = "job_id" }
                }
                ids.append(try JSONDecoder().decode(Accepted.self, from: Data(buffer: response.body)).jobId)
            }
            #expect(ids[0] == ids[1])
            #expect(try await harness.fixture.stats("vision").pendingCount == 1)
        }
    }
}
