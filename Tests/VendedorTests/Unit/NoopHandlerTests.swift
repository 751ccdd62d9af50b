import Foundation
import Testing

@testable import JobEngine
@testable import Pipeline
@testable import Workers

@Suite("No-op handler")
struct NoopHandlerTests {
    @Test(arguments: ["vm-123-noop", "host.local-9-noop", "caché \"raro\"\\x"])
    func resultJSONMatchesTheEncoder(_ worker: String) throws {
        let result = NoopJob.Result(worker: worker, attempt: 3)
        let json = try NoopHandler.json(result)
        #expect(try JobCoding.decode(NoopJob.Result.self, from: json) == result)
        #expect(json == (try JobCoding.encode(result)))
    }
}
