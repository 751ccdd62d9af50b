import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Support
@testable import Workers

@Suite("Media pieces: formats, OCR cleanup, multipart, configuration, child processes")
struct MediaUnitTests {
    @Test func formatsAreDecidedByMagicBytes() {
        let cases: [(Data, MediaFormat?)] = [
            (MediaSamples.png, .png), (MediaSamples.jpeg, .jpeg), (MediaSamples.webp, .webp),
            (MediaSamples.ogg, .ogg), (MediaSamples.mp3ID3, .mp3), (MediaSamples.mp3Frame, .mp3),
            (MediaSamples.m4a, .m4a), (MediaSamples.wav, .wav), (MediaSamples.aacADTS, nil),
            (MediaSamples.heic, nil), (MediaSamples.pdf, nil), (MediaSamples.gif, nil), (Data(), nil),
            (Data([0xFF]), nil), (Data("RIFF".utf8), nil),
        ]
        for (data, expected) in cases {
            #expect(MediaFormat.sniff(data) == expected, "\(Array(data.prefix(12)))")
        }
        // A slice (non-zero start index) is read from its own start.
        let framed = Data([0, 0]) + MediaSamples.png
        #expect(MediaFormat.sniff(framed.dropFirst(2)) == .png)
        #expect(MediaFormat(mime: "IMAGE/JPEG") == .jpeg)
        #expect(MediaFormat.ogg.fileExtension == "ogg")
        #expect(MediaFormat.jpeg.fileExtension == "jpg")
        #expect(MediaFormat.allCases.filter(\.isImage) == [.jpeg, .png, .webp])
    }

    @Test func ocrTextKeepsPrintedLinesAndDropsNoise() {
        let raw =
            "  CASCO   DE SEGURIDAD |\n\n|||\n~ _ —\n‘Guantes de vaqueta x 3’\n. , ;\ni\nRef. 35 — $15.800\n\u{0C}"
        #expect(OCRText.clean(raw) == "CASCO DE SEGURIDAD\nGuantes de vaqueta x 3\nRef. 35 — $15.800")
        #expect(OCRText.clean(" \n|\n\u{0C}") == "")
        let long = (1...400).map { "Producto número \($0)" }.joined(separator: "\n")
        let cut = OCRText.clean(long)
        #expect(cut.count <= ImageReading.maxCharacters)
        #expect(cut.hasPrefix("Producto número 1\n"))
        #expect(cut.split(separator: "\n").allSatisfy { $0.hasPrefix("Producto número ") })
    }

    @Test func thePhotosTextTravelsApartFromTheCaption() throws {
        let ocr = ImageReading(text: "CASCO DE SEGURIDAD", source: .ocr)
        let read = try #require(ImageMessageHandler.readText(caption: "¿Precio?", reading: ocr))
        #expect(read == ChatMessageJob.ReadText(origin: .ocr, text: "CASCO DE SEGURIDAD"))
        let job = ChatMessageJob(
            chatId: "c", channel: .http, kind: .image, message: "¿Precio?", readText: read, receivedMs: 1)
        // The agent gets the caption alone; the history shows both, marked.
        #expect(job.message == "¿Precio?")
        #expect(job.historyText == "¿Precio?\n[Foto, texto leído]\nCASCO DE SEGURIDAD")
        let decoded = try JobCoding.decode(ChatMessageJob.self, from: try job.encodedPayload())
        #expect(decoded == job)
        let gemini = ImageReading(text: "Un casco blanco.", source: .gemini)
        let described = try #require(ImageMessageHandler.readText(caption: "", reading: gemini))
        #expect(
            ChatMessageJob(chatId: "c", channel: .http, kind: .image, message: "", readText: described, receivedMs: 1)
                .historyText == "[Foto, descripción]\nUn casco blanco.")
        let nothing = ImageReading(text: " ", source: .ocr)
        #expect(ImageMessageHandler.readText(caption: "", reading: nothing) == nil)
        let unreadable = try #require(ImageMessageHandler.readText(caption: "Hola", reading: nothing))
        #expect(
            ChatMessageJob(
                chatId: "c", channel: .http, kind: .image, message: "Hola", readText: unreadable, receivedMs: 1
            )
            .historyText == "Hola\n[Foto sin texto legible]")
    }

    @Test func multipartBodiesRoundTripWithBinaryContent() throws {
        // Bytes that look like line breaks and a delimiter prefix must survive.
        let binary = Data([0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF]) + Data("--vendedor\r\n".utf8) + MediaSamples.ogg
        var form = MultipartFormData(boundary: "vendedor-limite-1")
        form.add("model", "whisper-1")
        form.add("file", filename: "audio\"x.ogg", contentType: "audio/ogg", data: binary)
        form.add("language", "es")
        let parts = try Multipart.parts(in: Data(form.body), contentType: form.contentType)
        #expect(parts.map(\.name) == ["model", "file", "language"])
        #expect(parts[0].text == "whisper-1")
        #expect(parts[1].data == binary)
        #expect(parts[1].filename == "audio%22x.ogg")
        #expect(parts[1].contentType == "audio/ogg")
        #expect(parts[2].text == "es")
        #expect(form.contentType == "multipart/form-data; boundary=vendedor-limite-1")
        #expect(try Multipart.field("file", in: Data(form.body), contentType: form.contentType) == binary)
    }

    @Test func aChatReplyAlwaysShowsOrderId() throws {
        let text = try JobCoding.encode(ChatReply(reply: "Hola"))
        #expect(text == #"{"pedido_id":null,"productos":[],"respuesta":"Hola"}"#)
        #expect(try JobCoding.decode(ChatReply.self, from: text) == ChatReply(reply: "Hola"))
    }

    @Test func mediaSettingsHaveSafeDefaultsAndNameWhatIsWrong() throws {
        let none = Environment([:])
        let vision = try VisionConfig(environment: none)
        #expect(vision.provider == .ocr)
        #expect(vision.ocrLanguages == "spa")
        #expect(try TranscriptionConfig(environment: none).provider == .none)
        let blobs = try BlobConfig(environment: none)
        #expect(blobs.directory == "./var/blobs")
        #expect(blobs.retentionSeconds == 7 * 86_400)
        #expect(blobs.backend == .local)
        #expect(try BlobConfig(environment: Environment(["BLOBS_BACKEND": " Database "])).backend == .database)

        func problem(_ values: [String: String], _ make: (Environment) throws -> Void) -> String {
            do {
                try make(Environment(values))
                return "aceptado"
            } catch {
                return "\(error)"
            }
        }
        #expect(
            problem(["VISION_PROVIDER": "gemini"]) { _ = try VisionConfig(environment: $0) }.contains("GOOGLE_API_KEY"))
        #expect(
            problem(["VISION_PROVIDER": "magia"]) { _ = try VisionConfig(environment: $0) }.contains("VISION_PROVIDER"))
        #expect(
            problem(["TRANSCRIPTION_PROVIDER": "openai"]) { _ = try TranscriptionConfig(environment: $0) }
                .contains("OPENAI_API_KEY"))
        #expect(
            problem(["BLOBS_RETENTION_HOURS": "nunca"]) { _ = try BlobConfig(environment: $0) }
                .contains("BLOBS_RETENTION_HOURS"))
        #expect(
            problem(["BLOBS_BACKEND": "s3"]) { _ = try BlobConfig(environment: $0) }
                .contains("BLOBS_BACKEND"))
        #expect(
            problem(["GEMINI_BASE_URL": "ftp://x"]) { _ = try GeminiConfig(environment: $0) }.contains(
                "GEMINI_BASE_URL"))

        let gemini = try VisionConfig(
            environment: Environment([
                "VISION_PROVIDER": "GEMINI", "GOOGLE_API_KEY": "k", "GEMINI_BASE_URL": "http://127.0.0.1:9/v1beta/",
                "VISION_MODEL": "gemini-2.5-flash",
            ]))
        #expect(gemini.provider == .gemini)
        #expect(gemini.gemini.baseURL == "http://127.0.0.1:9/v1beta")
        #expect(gemini.gemini.model == "gemini-2.5-flash")
        // With a key, transcription defaults to OpenAI; a self-hosted server needs no key.
        #expect(try TranscriptionConfig(environment: Environment(["OPENAI_API_KEY": "sk-x"])).provider == .openai)
        let local = try TranscriptionConfig(
            environment: Environment([
                "TRANSCRIPTION_PROVIDER": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1",
                "TRANSCRIPTION_MODEL": "gpt-4o-mini-transcribe",
            ]))
        #expect(local.provider == .openai)
        #expect(local.openAI.authorization.isEmpty)
        #expect(local.model == "gpt-4o-mini-transcribe")
        // The key never shows in a configuration error.
        #expect(
            !problem(["OPENAI_API_KEY": "sk-secreto", "OPENAI_BASE_URL": "x"]) {
                _ = try TranscriptionConfig(environment: $0)
            }.contains("sk-secreto"))
    }

    @Test func childProcessesReportTheirEndAndAreKilledAtTheirTimeLimit() async throws {
        let directory = TestPaths.temporaryDirectory("subproceso")
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("salida.txt").path
        let ok = try await Subprocess.run(
            "sh", ["-c", "printf 'hola %s' \"$SALUDO\"; exit 3"], environment: ["SALUDO": "mundo"], stdout: out,
            timeout: .seconds(30))
        #expect(ok.exitCode == 3)
        #expect(!ok.timedOut)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "hola mundo")

        let slow = try await Subprocess.run("sleep", ["30"], timeout: .milliseconds(200))
        #expect(slow.timedOut)
        #expect(slow.signal == SIGKILL)
        #expect(slow.exitCode == nil)

        await #expect(throws: Subprocess.SpawnError.self) {
            try await Subprocess.run("no-existe-este-programa-vendedor", [], timeout: .seconds(1))
        }
    }

    @Test func theSweeperDeletesExpiredBlobsAndStopsOnShutdown() async throws {
        let directory = TestPaths.temporaryDirectory("blobs")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = LocalBlobStore(directory: directory.path)
        let old = try store.put(Data("foto vieja".utf8))
        let fresh = try store.put(Data("foto nueva".utf8))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-2 * 3_600)], ofItemAtPath: try store.location(of: old).path)
        let sweeper = PeriodicSweeper.blobs(
            store, config: BlobConfig(directory: directory.path, retentionSeconds: 3_600), logger: Logger(label: "test")
        )
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: sweeper)], gracefulShutdownSignals: [], logger: Logger(label: "test")))
        let task = Task { try await group.run() }
        #expect(await eventually { await !store.contains(old) })
        #expect(await store.contains(fresh))
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
