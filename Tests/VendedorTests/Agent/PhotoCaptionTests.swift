import Foundation
import Testing

@testable import Integrations
@testable import JobEngine
@testable import Pipeline
@testable import Workers

/// A photo of a printed label with a caption, from the vision queue (real Tesseract) to the
/// agent's cart (issue 22's broken path). `VisionPipelineTests` stops at the chat message a
/// recording stand-in receives and checked only that the read text was in it (with the
/// "[Foto, texto leído]" marker in front, which it asserted as correct), so it could not see
/// the agent search that marker as a product and drop the caption's quantity. This test runs
/// the real reply worker on the vision worker's output and looks at the cart.
@Suite(.serialized) struct PhotoCaptionTests {
    static func withVision(_ body: (AgentHarness, String) async throws -> Void) async throws {
        let h = try await AgentHarness()
        let blobs = h.directory.url.appendingPathComponent("blobs").path
        let media = try MediaResources(
            blobs: LocalBlobStore(directory: blobs), vision: VisionConfig(), transcription: TranscriptionConfig(),
            policy: MediaHarness.fastPolicy)
        let vision = try InProcessWorker(h.fixture, registry: WorkerHandlers.registry(media: media), queues: ["vision"])
        do {
            try await body(h, blobs)
        } catch {
            await vision.stop()
            await h.tearDown()
            throw error
        }
        await vision.stop()
        await h.tearDown()
    }

    static func sendPhoto(_ h: AgentHarness, blobs: String, chatId: String, caption: String) async throws {
        let photo = try await RenderedImage.text(["Casco dieléctrico"], format: "png")
        let blob = try LocalBlobStore(directory: blobs).put(photo)
        _ = try await h.fixture.jobs.enqueue(
            ImageMessageJob(
                chatId: chatId, channel: .http, blob: blob, mime: "image/png", message: caption,
                receivedMs: WallClock.nowMs()),
            owner: "pruebas")
    }

    /// The chat's cart, under the id the reply worker stores it by: an HTTP chat lives in its
    /// channel's namespace (`ChatScope`), so the bare id finds no dialogue at all (what made
    /// this test look like an agent regression after the merge that introduced the scoping).
    static func cart(_ h: AgentHarness, _ chatId: String) throws -> [(String, Int)] {
        (try h.database.dialogue(chatId: h.stored(chatId))?.cart.lines ?? []).map { ($0.name, $0.quantity) }
    }

    @Test func aCaptionedLabelPhotoAddsTheLabelsProductInTheCaptionsQuantity() async throws {
        try await Self.withVision { h, blobs in
            try await Self.sendPhoto(h, blobs: blobs, chatId: "foto-1", caption: "quiero 2 de estos")
            #expect(try await eventually(timeout: TestPaths.loadedWait) { !(try Self.cart(h, "foto-1")).isEmpty })
            let lines = try Self.cart(h, "foto-1")
            #expect(lines.count == 1 && lines.first?.0 == "Casco dieléctrico" && lines.first?.1 == 2, "\(lines)")
            let replies = h.deliveries.payloads.map(\.text).joined(separator: "\n")
            #expect(!replies.contains("No encontré") && !replies.contains("Foto"), "\(replies)")
        }
    }

    @Test func anUncaptionedLabelPhotoIsAboutTheLabelsProduct() async throws {
        try await Self.withVision { h, blobs in
            try await Self.sendPhoto(h, blobs: blobs, chatId: "foto-2", caption: "")
            #expect(try await eventually(timeout: TestPaths.loadedWait) { !h.deliveries.payloads.isEmpty })
            let replies = h.deliveries.payloads.map(\.text).joined(separator: "\n")
            #expect(replies.contains("Casco dieléctrico") && !replies.contains("No encontré"), "\(replies)")
        }
    }
}
