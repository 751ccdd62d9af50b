import Foundation
import Testing

@testable import Assistant
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support

@Suite("Configuration, queue files, tokens, RESP")
struct ConfigTests {
    @Test func redisURLParsing() {
        #expect(RedisURL("redis://127.0.0.1:6390/2") == RedisURL(host: "127.0.0.1", port: 6390, database: 2))
        #expect(RedisURL("redis://:s3cr3t@localhost:6379/0")?.password == "s3cr3t")
        #expect(RedisURL("redis://user:pw@host")?.password == "pw")
        #expect(RedisURL("redis://host:99999") == nil)
        #expect(RedisURL("http://host") == nil)
        #expect(RedisURL("redis://:s3cr3t@h:1/0")?.description.contains("s3cr3t") == false)
    }

    @Test func missingOrMalformedSettingsNameTheSetting() {
        #expect(throws: ConfigError.self) { try AppConfig(environment: Environment(["REDIS_URL": "mysql://x"])) }
        do {
            _ = try AppConfig(environment: Environment(["PORT": "ochenta"]))
            Issue.record("PORT inválido aceptado")
        } catch {
            #expect(error.description.contains("PORT"))
        }
    }

    @Test func queueFileErrorsNameFileAndField() throws {
        let valid =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: TestPaths.repoRoot.appendingPathComponent("queues/noop.json"))) as! [String: Any]
        func error(_ change: (inout [String: Any]) -> Void) -> String {
            var object = valid
            change(&object)
            let data = try! JSONSerialization.data(withJSONObject: object)
            do {
                _ = try QueueDefinition.parse(data, file: "queues/noop.json")
                return "aceptado"
            } catch {
                return error.description
            }
        }
        #expect(error { $0["max_attempts"] = 0 }.contains("queues/noop.json: campo \"max_attempts\" debe estar entre"))
        #expect(error { $0["concurrency"] = "muchos" }.contains("campo \"concurrency\" debe ser un número entero"))
        #expect(error { $0.removeValue(forKey: "visibility_timeout_ms") }.contains("\"visibility_timeout_ms\" falta"))
        #expect(error { $0["backoff"] = ["base_ms": 10, "cap_ms": 5, "jitter": 0] }.contains("backoff.cap_ms"))
        #expect(error { $0["backoff"] = ["base_ms": 10, "cap_ms": 50, "jitter": 2] }.contains("backoff.jitter"))
        #expect(error { $0["name"] = "otra" }.contains("campo \"name\""))
        #expect(error { $0["idempotency_window_s"] = 99_999_999 }.contains("idempotency_window_s"))
        #expect(error { _ in } == "aceptado")
        // CPU slots: at most the jobs a process holds.
        let concurrency = valid["concurrency"] as! Int
        #expect(
            error { $0["cpu_concurrency"] = concurrency + 1 }.contains("campo \"cpu_concurrency\" debe estar entre 1 y")
        )
        #expect(error { $0["cpu_concurrency"] = 0 }.contains("cpu_concurrency"))
        #expect(error { $0["cpu_concurrency"] = 1 } == "aceptado")
        // A run's maximum: optional, whole seconds, at most a week.
        #expect(error { $0["max_run_s"] = 0 }.contains("campo \"max_run_s\" debe estar entre 1 y"))
        #expect(error { $0["max_run_s"] = 99_999_999_999 }.contains("max_run_s"))
        #expect(error { $0["max_run_s"] = "1h" }.contains("max_run_s"))
        #expect(error { $0["max_run_s"] = 90 } == "aceptado")
        #expect(error { $0.removeValue(forKey: "max_run_s") } == "aceptado")
    }

    @Test func cpuSlotsDefaultToTheQueuesConcurrency() throws {
        let catalog = try QueueCatalog.load(directory: TestPaths.repoRoot.appendingPathComponent("queues").path)
        let noop = try #require(catalog.queues["noop"])
        #expect(noop.cpuConcurrency == noop.concurrency)
        let chat = try #require(catalog.queues["chat"])
        #expect(chat.cpuConcurrency < chat.concurrency)
    }

    @Test func everyRepositoryQueueLoads() throws {
        let catalog = try QueueCatalog.load(directory: TestPaths.repoRoot.appendingPathComponent("queues").path)
        #expect(catalog.queues["chat"]?.orderingKey == "chat_id")
        #expect(catalog.queues["noop"] != nil)
        #expect(catalog.scripts.all.allSatisfy { $0.source.contains("local function jkey") })
    }

    @Test func topKOfTheOldBackendBoundsTheProductsAReplyHandsOn() throws {
        #expect(try RetrievalConfig(environment: Environment([:])).topK == RetrievalConfig.defaultTopK)
        #expect(try RetrievalConfig(environment: Environment(["TOP_K": "3"])).topK == 3)
        for bad in ["0", "21", "tres", "-1"] {
            #expect(throws: ConfigError.self) { try RetrievalConfig(environment: Environment(["TOP_K": bad])) }
        }
    }

    @Test func tokensRoundTripAndRejectTampering() throws {
        let signer = TokenSigner(secret: "clave-de-prueba-larga")
        let token = signer.sign(subject: "ana", role: .operator, lifetime: 60)
        let (identity, _) = try signer.verify(token)
        #expect(identity == Identity(subject: "ana", role: .operator))
        var parts = token.split(separator: ".").map(String.init)
        parts[1] = TokenSigner.base64URLForTests(#"{"exp":9999999999,"iat":0,"rol":"admin","sub":"ana"}"#)
        #expect(throws: TokenSigner.Failure.badSignature) { try signer.verify(parts.joined(separator: ".")) }
        #expect(throws: TokenSigner.Failure.malformed) { try signer.verify("abc") }
        let old = signer.sign(subject: "ana", role: .channel, lifetime: 10, now: Date().addingTimeInterval(-60))
        #expect(throws: TokenSigner.Failure.expired) { try signer.verify(old) }
    }
}
