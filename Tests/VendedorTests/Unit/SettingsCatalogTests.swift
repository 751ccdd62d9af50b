import Foundation
import Testing

@testable import Assistant
@testable import FrontEnd
@testable import Pipeline
@testable import Shop
@testable import Support
@testable import Workers

/// The old backend's `.env` works or says why: every key a configuration reads is in the
/// catalog (so none is called unknown), retired keys get their one line, unknown `.env` keys
/// are named, and the old settings that are honoured really change something.
@Suite("Settings: the catalog, the old backend's keys and their warnings")
struct SettingsCatalogTests {
    static let minimal = [
        "SECRET_KEY": "secreto-de-pruebas-0123456789", "EMBEDDINGS_PROVIDER": "none", "LLM_PROVIDER": "none",
        "TRANSCRIPTION_PROVIDER": "none",
    ]

    @Test func everyKeyAConfigurationReadsIsInTheCatalog() throws {
        let recorder = Environment.KeyRecorder()
        var environment = Environment(Self.minimal)
        environment.recorder = recorder
        _ = try FrontEndConfig(environment: environment)
        _ = try WorkersConfig(environment: environment)
        #expect(recorder.keys.count > 30)
        #expect(
            recorder.keys.subtracting(SettingsCatalog.known).isEmpty,
            "\(recorder.keys.subtracting(SettingsCatalog.known).sorted())")
        #expect(SettingsCatalog.known.isDisjoint(with: SettingsCatalog.retired.keys))
    }

    @Test func retiredAndUnknownKeysAreNamedOnce() throws {
        let dotEnv = TestPaths.temporaryDirectory("env").appendingPathComponent(".env")
        try "ALGORITHM=HS256\nTOP_K=3\nMAX_TOKEN=600\nDEBUG=true\n".write(to: dotEnv, atomically: true, encoding: .utf8)
        let environment = Environment.load(dotEnvPath: dotEnv.path)
        let lines = SettingsCatalog.warnings(environment)
        #expect(lines.contains("ignorada: ALGORITHM — los tokens siempre se firman con HS256 y SECRET_KEY"))
        #expect(lines.contains { $0.hasPrefix("ignorada: DEBUG") })
        #expect(lines.contains("claves de .env que nada lee (¿error de escritura?): MAX_TOKEN"))
        #expect(!lines.joined().contains("TOP_K"))
    }

    @Test func theOldSettingsThatAreHonouredChangeWhatTheyNamed() throws {
        var values = Self.minimal
        values["ACCESS_TOKEN_EXPIRE_MINUTES"] = "90"
        values["LOG_FILE"] = "/tmp/vendedor.log"
        values["DATABASE_URL"] = "sqlite+aiosqlite:///./app.db"
        let config = try AppConfig(environment: Environment(values))
        #expect(config.tokenLifetimeSeconds == 5_400)
        #expect(config.logFile == "/tmp/vendedor.log")
        #expect(try DatabaseURL(config.databaseURL).path == "./app.db")
        values["ACCESS_TOKEN_EXPIRE_MINUTES"] = "-5"
        #expect(throws: ConfigError.self) { try AppConfig(environment: Environment(values)) }
    }
}
