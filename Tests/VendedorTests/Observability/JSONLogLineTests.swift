import Foundation
import Logging
import Testing

@testable import Pipeline
@testable import Support

@Suite("LOG_FORMAT=json")
struct JSONLogLineTests {
    @Test func aJSONLineIsOneObjectWithTheMessageMetadataAndNoCredentials() throws {
        let line = LineLogHandler.jsonLine(
            timestamp: "2026-12-04T13:00:00+0000", level: .warning, label: "vendedor-workers",
            metadata: ["cola": "chat", "job.id": "abc", "telegram_token": "123:secreto", "Authorization": "Bearer x"],
            source: "Workers", message: "Hola \"mundo\"\nsegunda línea")
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().firstIndex(of: "\n") == nil)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["message"] == "Hola \"mundo\"\nsegunda línea")
        #expect(object["level"] == "warning")
        #expect(object["label"] == "vendedor-workers")
        #expect(object["cola"] == "chat")
        #expect(object["job.id"] == "abc")
        #expect(object["telegram_token"] == "[oculto]")
        #expect(object["Authorization"] == "[oculto]")
        #expect(!line.contains("secreto"))
    }

    @Test func logFormatIsReadFromTheEnvironmentAndABadValueIsRefused() throws {
        #expect(try AppConfig(environment: Environment(["LOG_FORMAT": "json"])).logFormat == .json)
        #expect(try AppConfig(environment: Environment([:])).logFormat == .text)
        #expect(throws: ConfigError.self) { try AppConfig(environment: Environment(["LOG_FORMAT": "xml"])) }
    }
}
