import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import FaultInjection
@testable import FrontEnd
@testable import JobEngine
@testable import Pipeline
@testable import Shop
@testable import Support
@testable import Workers

/// The console in a real browser (headless Chromium driven by Selenium, `ops/console-browser-test.py`)
/// against the stack as production starts it (`buildFrontEnd` + `buildWorkers`) with a fake
/// Telegram in polling mode. The script logs in, watches a new Telegram conversation appear
/// without reloading, takes it over and replies (the fake Telegram receives it), moves an
/// order from pendiente to enviado, edits a price and reads it in the agent's next answer,
/// imports a CSV with one bad row, exports and downloads, re-drives a dead letter, is refused
/// a wrong password, a missing CSRF token and an expired session, and saves a screenshot of
/// every page under var/console-screenshots/ with the measurements (page weight, SSE latency).
/// Runs when ops/test has installed Chromium, chromedriver and Selenium.
@Suite("Console in a real browser", .serialized)
struct ConsoleBrowserTests {
    static let environment = ProcessInfo.processInfo.environment
    static let enabled =
        environment["VENDEDOR_SELENIUM_PYTHON"] != nil && environment["VENDEDOR_CHROMEDRIVER"] != nil
        && environment["VENDEDOR_CHROMIUM"] != nil

    @Test(.enabled(if: enabled), .timeLimit(.minutes(5)))
    func aStaffMemberRunsTheShopFromTheConsole() async throws {
        try await FakeTelegram.run { telegram in
            telegram.server.route("POST", "/control/mensaje") { received in
                guard let body = received.json as? [String: Any], let chat = body["chat"] as? Int,
                    let text = body["texto"] as? String
                else { return .json(#"{"error":"cuerpo"}"#, status: 400) }
                let id = telegram.addUpdate(message: FakeTelegram.message(chatId: Int64(chat), text: text))
                return .json(object: ["update_id": id])
            }
            telegram.server.route("GET", "/control/enviados") { _ in
                .json(object: telegram.sentMessages.map { ["chat": $0.chatId, "texto": $0.text] })
            }
            try await Self.run(telegram)
        }
    }

    static func run(_ telegram: FakeTelegram) async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let root = TestPaths.repoRoot
        let scratch = fixture.queuesDirectory
        let port = TestPaths.freePort()
        let secret = "secreto-de-pruebas-consola-0123456789"
        var env = fixture.environment
        env["SECRET_KEY"] = secret
        env["PORT"] = String(port)
        env["EMBEDDINGS_PROVIDER"] = "none"
        env["LLM_PROVIDER"] = "none"
        env["TRANSCRIPTION_PROVIDER"] = "none"
        env["TELEGRAM_MODE"] = "polling"
        env["TELEGRAM_TOKEN"] = FakeTelegram.token
        env["TELEGRAM_API_BASE_URL"] = telegram.baseURL
        env["TELEGRAM_POLL_TIMEOUT"] = "5"
        env["SEARCH_DATA_DIR"] = root.appendingPathComponent("data/busqueda").path
        env["BLOBS_DIR"] = scratch.appendingPathComponent("blobs").path
        env["EXPORTS_DIR"] = scratch.appendingPathComponent("exports").path
        let environment = Support.Environment(env)

        // A dead letter to re-drive: a no-op job the fault worker kills; re-driven, the
        // production workers' no-op handler completes it.
        let faults = try InProcessWorker(fixture, queues: ["noop"])
        let dead = try await fixture.jobs.enqueue(FaultJob(dieWithReply: true))
        #expect(try await fixture.waitFor(dead.id, state: .dead) != nil)
        await faults.stop()

        var frontEndConfig = try FrontEndConfig(environment: environment)
        frontEndConfig.demoDataDirectory = root.appendingPathComponent("data").path
        let frontEnd = try await buildFrontEnd(config: frontEndConfig)
        let workers = try await buildWorkers(config: try WorkersConfig(environment: environment, options: .init()))
        let frontEndRun = Task { try await frontEnd.run() }
        let workersRun = Task { try await workers.run() }
        defer {
            frontEndRun.cancel()
            workersRun.cancel()
        }
        #expect(
            try await eventually(timeout: .seconds(30)) {
                (try? await CompositionRootTests.request(port: port, "GET /ready HTTP/1.1\r\nHost: x\r\n\r\n"))?
                    .hasPrefix("HTTP/1.1 200") == true
            })

        let database = try AppDatabase.open(path: scratch.appendingPathComponent("app.db").path)
        _ = try database.createStaffUser(
            name: "gerente", role: .admin, passwordHash: PasswordHash.make("clave-de-gerente", cost: 4))
        let order = try database.placeOrder(
            OrderRequest(
                chatId: nil,
                client: ClientDetails(idNumber: "1107654321", name: "Ana María Gómez", phone: "3182842304"),
                items: [OrderRequest.Line(productId: 34, quantity: 2)]),
            idempotencyKey: "consola-navegador"
        ).order
        let csv = scratch.appendingPathComponent("catalogo-con-error.csv")
        try """
        id,nombre,descripcion,precio,stock,activo,categoria
        900,Botas de caucho,Botas de caucho caña alta,58000,12,true,Calzado
        901,Tapabocas N95,,precio-malo,40,true,Protección respiratoria
        902,Careta de soldar,Careta fotosensible,95000,3,true,Protección facial

        """.write(to: csv, atomically: true, encoding: .utf8)

        let screenshots = root.appendingPathComponent("var/console-screenshots")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let downloads = scratch.appendingPathComponent("descargas")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let output = scratch.appendingPathComponent("navegador.txt").path
        var scriptEnv = ProcessInfo.processInfo.environment
        scriptEnv["CONSOLA_URL"] = "http://127.0.0.1:\(port)"
        scriptEnv["TELEGRAM_FALSO_URL"] = telegram.baseURL
        scriptEnv["CONSOLA_USUARIO"] = "gerente"
        scriptEnv["CONSOLA_CLAVE"] = "clave-de-gerente"
        scriptEnv["PEDIDO_ID"] = String(order.id)
        scriptEnv["PRODUCTO_ID"] = "34"
        scriptEnv["CSV_CATALOGO"] = csv.path
        scriptEnv["TRABAJO_MUERTO"] = dead.id
        scriptEnv["REDIS_URL"] = fixture.redisServer.url
        scriptEnv["CAPTURAS_DIR"] = screenshots.path
        scriptEnv["DESCARGAS_DIR"] = downloads.path
        let script = try ChildProcess(
            path: Self.environment["VENDEDOR_SELENIUM_PYTHON"] ?? "",
            arguments: [root.appendingPathComponent("ops/console-browser-test.py").path],
            environment: scriptEnv, outputPath: output)
        let status = await script.waitForExit(timeout: .seconds(240))
        if status == nil { script.signal(SIGKILL) }
        let log = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        print(log)
        #expect(status == 0, "la prueba en el navegador falló:\n\(log)")

        // What the browser did, checked from the other side.
        #expect(try database.order(id: order.id)?.state == .sent)
        #expect(try database.product(id: 34)?.price == 8_350)
        #expect(try database.product(id: 900) != nil)
        #expect(try database.product(id: 901) == nil)
        #expect(try await fixture.waitFor(dead.id, state: .completed) != nil)
        let actions = Set(try database.auditPage(limit: 500).entries.map(\.action))
        for action in ["login", "login.fallido", "chat.tomar", "chat.responder", "pedido.estado", "producto.editar"] {
            #expect(actions.contains(action), "falta \(action) en la auditoría")
        }

        await frontEnd.triggerGracefulShutdown()
        await workers.triggerGracefulShutdown()
        try await frontEndRun.value
        try await workersRun.value
    }
}
