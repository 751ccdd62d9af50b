import Logging
import Testing

@testable import Support

@Suite("Log lines")
struct LineLogHandlerTests {
    /// Same line as swift-log's StreamLogHandler writes (operators' greps keep working).
    @Test func linesLookLikeStreamLogHandlers() {
        let line = LineLogHandler.line(
            timestamp: "2026-11-25T14:30:44+0000", level: .warning, label: "vendedor-workers",
            metadata: ["job.id": "01a2", "queue": "chat"], source: "Core", message: "Error leyendo la cola")
        #expect(
            line
                == "2026-11-25T14:30:44+0000 warning vendedor-workers: job.id=01a2 queue=chat [Core] Error leyendo la cola\n"
        )
        let bare = LineLogHandler.line(
            timestamp: "t", level: .info, label: "vendedor-enqueuer", metadata: [:], source: "Enqueuer",
            message: "listo")
        #expect(bare == "t info vendedor-enqueuer: [Enqueuer] listo\n")
    }

    /// Setting metadata keeps it (formatting waits for a line to be written).
    @Test func metadataIsKeptPerLogger() {
        var handler = LineLogHandler(label: "x")
        handler[metadataKey: "hb.request.id"] = "abc"
        #expect(handler[metadataKey: "hb.request.id"] == "abc")
        #expect(handler.metadata.count == 1)
    }
}
