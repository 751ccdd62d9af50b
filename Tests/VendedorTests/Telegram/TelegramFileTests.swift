import Foundation
import Testing

@testable import FaultInjection
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Workers

@Suite("Telegram: files downloaded by a worker into the blob store")
struct TelegramFileTests {
    func fileJob(_ chat: Int64, _ kind: MessageKind, _ fileId: String, caption: String = "") -> TelegramFileJob {
        TelegramFileJob(
            chatId: TelegramChatID.make(chat), kind: kind, fileId: fileId, fileSize: nil, mime: nil,
            message: caption,
            messageId: 57, receivedMs: 1_767_225_600_000)
    }

    /// Runs the jobs; returns how each one's own handler ended ("completado"…). A job that
    /// returned follow-ups stays "procesando" until they finish (no worker runs them here),
    /// with its own outcome in the record's `hecho` field.
    func run(_ harness: TelegramHarness, _ jobs: [TelegramFileJob]) async throws -> [String] {
        let ids = try await harness.fixture.jobs.enqueue(try jobs.map { try NewJob($0) }).map(\.id)
        let worker = try harness.worker(["telegram_archivos"])
        var outcomes: [String] = []
        _ = try await eventually {
            outcomes = []
            for id in ids {
                let fields = try await harness.fixture.redis.send("HMGET", QueueKeys.job(id), "hecho", "estado").array
                outcomes.append(fields?.first?.string ?? fields?.last?.string ?? "")
            }
            return outcomes.allSatisfy { ["completado", "fallido", "muerto"].contains($0) }
        }
        await worker.stop()
        return outcomes
    }

    @Test func aPhotoAndAVoiceNoteAreStoredAndHandedOnInTheChatsLine() async throws {
        try await TelegramHarness.run { harness in
            harness.fake.addFile(id: "foto", bytes: SampleFiles.jpeg, path: "photos/file_7.jpg")
            harness.fake.addFile(id: "voz", bytes: SampleFiles.ogg, path: "voice/file_8.oga")
            let outcomes = try await run(
                harness, [fileJob(10, .image, "foto", caption: "¿Tienen este?"), fileJob(11, .audio, "voz")])
            #expect(outcomes == ["completado", "completado"])

            let image = try #require(try await harness.jobs(ImageMessageJob.self).first?.payload)
            #expect(image.chatId == "tg:10")
            #expect(image.channel == .telegram)
            #expect(image.mime == "image/jpeg")
            #expect(image.message == "¿Tienen este?")
            #expect(image.receivedMs == 1_767_225_600_000)
            #expect(try harness.blobs.data(of: image.blob) == SampleFiles.jpeg)

            let audio = try #require(try await harness.jobs(AudioMessageJob.self).first?.payload)
            #expect(audio.chatId == "tg:11")
            #expect(audio.mime == "audio/ogg")
            #expect(try harness.blobs.data(of: audio.blob) == SampleFiles.ogg)
            // The front end never downloads: only the worker's getFile and file requests reached Telegram.
            #expect(harness.fake.calls("getFile").count == 2)
            #expect(harness.fake.server.requests(matching: "/file/*").count == 2)
        }
    }

    /// Too big or unreadable: a reply instead of a follow-up; a file Telegram does not know
    /// (400): the customer is told and the job is a dead letter.
    @Test func aFileTooBigOrUnreadableGetsAReplyInsteadOfAFollowUp() async throws {
        try await TelegramHarness.run { harness in
            harness.fake.addFile(id: "enorme", bytes: SampleFiles.jpeg, path: "documents/file_9.jpg", size: 30 << 20)
            harness.fake.addFile(id: "pdf", bytes: SampleFiles.pdf, path: "documents/file_10.jpg")
            let outcomes = try await run(
                harness, [fileJob(20, .image, "enorme"), fileJob(21, .image, "pdf"), fileJob(22, .audio, "perdido")])
            #expect(outcomes == ["completado", "completado", "muerto"])
            let replies = try await harness.jobs(DeliverReplyJob.self).map(\.payload).sorted { $0.chatId < $1.chatId }
            #expect(replies.map(\.chatId) == ["tg:20", "tg:21", "tg:22"])
            #expect(
                replies.map(\.text) == [
                    TelegramReplies.tooLarge, TelegramReplies.unreadableImage, TelegramReplies.downloadFailed,
                ])
            #expect(try await harness.jobs(ImageMessageJob.self).isEmpty)
            #expect(harness.fake.server.requests(matching: "/file/*").count == 1)  // the big one is never downloaded
        }
    }
}

@Suite("Telegram: typing indicator and the chat's channel")
struct TelegramTypingTests {
    @Test func typingIsShownWhileTheReplyIsUnfinishedAndTheChannelIsRecorded() async throws {
        try await TelegramHarness.run { harness in
            // The job being answered: a no-op that takes a moment (stands in for the agent),
            // long enough to be still running when the typing worker starts on a busy machine.
            let awaited = try await harness.fixture.jobs.enqueue(FaultJob(sleepMs: 8000)).id
            let done = try await harness.fixture.jobs.enqueue(NoopJob()).id
            try harness.database.setAIActive(chatId: "tg:33", active: false)
            let jobs = try await harness.fixture.jobs.enqueue([
                try NewJob(TelegramTypingJob(chatId: "tg:31", jobId: awaited)),
                try NewJob(TelegramTypingJob(chatId: "tg:33", jobId: awaited)),
            ]).map(\.id)
            let noop = try InProcessWorker(harness.fixture, queues: ["noop"])
            _ = try await harness.fixture.waitFor(done, state: .completed)
            let worker = try harness.worker(["telegram_acciones"])
            for id in jobs { _ = try await harness.fixture.waitFor(id, state: .completed) }
            await worker.stop()
            await noop.stop()
            let actions = harness.fake.chatActions
            #expect(!actions.isEmpty)
            #expect(actions.allSatisfy { $0.chatId == 31 })  // not in the chat an operator took over
            #expect(actions.allSatisfy { $0.action == "typing" })
            #expect(try harness.database.chatControl(chatId: "tg:31").channel == .telegram)
            #expect(try harness.database.chatControl(chatId: "tg:33").channel == .telegram)
        }
    }
}
