import Foundation
import Testing

@testable import Assistant
@testable import SpanishText

/// Found on the q-set (issue 22, sixteenth round), tested with new phrasings. Before: "son 5,
/// no 6" set the line to 6 (the last count), also after "bájele una a las botas"; "30x cinta
/// aislante" was no count. "bájele uno" alone was already one less.
@Suite(.serialized) struct CorrectedCountsTests {
    @Test func aCountAndTheCountItReplacesReadAsTheNewAmount() {
        #expect(CorrectedCount.rewrite("perdón, son 4 no 3") == "perdón, que sean 4")
        #expect(
            CorrectedCount.rewrite("eran 7 botas, no 5, una por cada operario")
                == "que sean 7 botas, una por cada operario")
        #expect(CorrectedCount.rewrite("son tres no dos") == "que sean tres")
        // Nothing replaced, nothing rewritten.
        #expect(CorrectedCount.rewrite("son 4 cascos y no más") == "son 4 cascos y no más")
        #expect(CorrectedCount.rewrite("son 4, no 4") == "son 4, no 4")
    }

    /// Hostile text: the pattern thousands of times, a lead thousands of words before "no",
    /// enormous numbers. One pass; at most `maxWordsBetween` words between the counts.
    @Test func hostileTextThroughTheCorrectedCount() {
        let repeated = String(repeating: "son 4 no 3 ", count: 10_000)
        #expect(CorrectedCount.rewrite(repeated) == String(repeating: "que sean 4 ", count: 10_000))
        let far = "son 4 " + String(repeating: "cascos ", count: 5_000) + "no 3"
        #expect(CorrectedCount.rewrite(far) == far)
        let huge = "son 99999999999999999999 no 3"
        #expect(CorrectedCount.rewrite(huge).count <= huge.count + "que sean".count)
    }

    @Test func theAgentSetsACorrectedCountAndReadsCountsWrittenWithX() async throws {
        let h = try await AgentHarness()
        _ = try await h.say("cc1", "necesito 7 pares de guantes de nitrilo")
        let lowered = try await h.say("cc1", "bájele uno a los guantes porfa")
        #expect(lowered.reply.contains("6 × Guantes nitrilo"), "\(lowered.reply)")
        let corrected = try await h.say("cc1", "uy no, perdón, son 5 no 6")
        #expect(corrected.reply.contains("5 × Guantes nitrilo"), "\(corrected.reply)")
        _ = try await h.say("cc3", "buenas, 4 pares de botas pvc")
        let both = try await h.say("cc3", "ah y bájele una a las botas, son 3 no 4")
        #expect(both.reply.contains("3 × Botas PVC"), "\(both.reply)")
        _ = try await h.say("cc4", "necesito 4 conos de señalización")
        let story = try await h.say("cc4", "Corrijo: son 5 conos de señalización, no 4, uno por cada carril.")
        #expect(story.reply.contains("5 × Cono señalización"), "\(story.reply)")
        // "bájele a 3" (with "a") is the new amount.
        let set = try await h.say("cc1", "mejor bájele a 3")
        #expect(set.reply.contains("3 × Guantes nitrilo"), "\(set.reply)")
        let x = try await h.say("cc2", "mándeme 12x cinta doble faz y 4x marcadores")
        #expect(x.reply.contains("12 × Cinta doble faz"), "\(x.reply)")
        #expect(x.reply.contains("4 × Marcador"), "\(x.reply)")
        await h.tearDown()
    }
}
