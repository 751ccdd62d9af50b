import Foundation
import FrontEnd
import Integrations
import JobEngine
import Logging
import Pipeline
import ServiceLifecycle
import Shop

/// `ops/bench console`: the staff console's inbox with `conversations` chats (10,000 by
/// default, 8 messages each; some with the AI off, an open cart or asking for a person),
/// served by the real front end (`buildApplication`, sessions in the Redis of REDIS_URL,
/// the SQLite file of DATABASE_URL) and asked over loopback, one request at a time, by a
/// logged-in user: the first page, each filter, the live refresh's fragment and the last page.
/// Prints p50/p95/max in milliseconds per variant (the time from sending the request to
/// having the whole page), and the page's size.
struct ConsoleBench {
    var conversations = 10_000
    var requests = 200

    func run() async throws {
        var made = try Bootstrap.make(label: "vendedor-bench")
        made.logger.logLevel = .warning
        let boot = made
        try await boot.jobs.prepare()
        let database = try AppDatabase.open(try DatabaseURL(boot.config.databaseURL))
        Self.say("generando \(conversations) conversaciones…")
        let seeded = ContinuousClock.now
        try Self.seed(database, conversations: conversations)
        Self.say("datos listos en \(ContinuousClock.now - seeded)")
        _ = try database.createStaffUser(
            name: "bench", role: .admin, passwordHash: PasswordHash.make("clave-de-bench", cost: 4))

        let port = Self.freePort()
        let deps = FrontEndDependencies(
            jobs: boot.jobs, waiters: JobWaiters(client: boot.jobs),
            signer: TokenSigner(secret: try boot.config.requiredSecretKey()), database: database)
        let app = buildApplication(deps, host: "127.0.0.1", port: port, logger: boot.logger)
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: boot.logger))
        let http = CurlTransport(maxConcurrent: 1)
        let base = "http://127.0.0.1:\(port)"
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            defer { tasks.cancelAll() }
            var ready = false
            for _ in 0..<100 where !ready {
                ready = (try? await http.send(OutboundRequest(url: base + "/health")))?.status == 200
                if !ready { try await Task.sleep(for: .milliseconds(100)) }
            }
            guard ready else { throw BenchError("el front end no respondió en \(base)") }
            let login = try await http.send(
                OutboundRequest(
                    method: "POST", url: base + "/consola/login",
                    headers: [("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array("nombre=bench&clave=clave-de-bench".utf8)))
            guard login.status == 303, let cookie = login.headers["set-cookie"]?.split(separator: ";").first else {
                throw BenchError("no se pudo ingresar a la consola (\(login.status))")
            }
            let headers = [("Cookie", String(cookie))]
            let variants: [(String, String)] = [
                ("inbox", "/consola/conversaciones"),
                ("inbox_needs_person", "/consola/conversaciones?persona=1"),
                ("inbox_ai_off", "/consola/conversaciones?ia=1"),
                ("inbox_open_cart", "/consola/conversaciones?carrito=1"),
                ("inbox_telegram", "/consola/conversaciones?canal=telegram"),
                ("inbox_live_fragment", "/consola/conversaciones?parcial=1"),
                ("inbox_last_page", "/consola/conversaciones?offset=\(max(conversations - 50, 0))"),
            ]
            print("console.conversations=\(conversations)")
            for (name, path) in variants {
                var times: [Double] = []
                var bytes = 0
                for round in 0..<(requests + 20) {
                    let start = ContinuousClock.now
                    let response = try await http.send(OutboundRequest(url: base + path, headers: headers))
                    let elapsed = ContinuousClock.now - start
                    guard response.status == 200 else { throw BenchError("\(path) respondió \(response.status)") }
                    bytes = response.body.count
                    if round >= 20 {  // the first ones warm caches
                        times.append(
                            Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
                    }
                }
                times.sort()
                let p50 = times[times.count / 2]
                let p95 = times[min(times.count - 1, times.count * 95 / 100)]
                print(String(format: "console.%@_p50_ms=%.2f", name, p50))
                print(String(format: "console.%@_p95_ms=%.2f", name, p95))
                print(String(format: "console.%@_max_ms=%.2f", name, times.last ?? 0))
                print("console.\(name)_bytes=\(bytes)")
            }
        }
    }

    /// `count` chats of 8 messages (customer and agent in turn), written in one transaction;
    /// every 7th with the AI off, every 5th with an open cart, every 11th asking for a person.
    static func seed(_ database: AppDatabase, conversations count: Int) throws {
        let cart =
            #"{"phase":"browsing","cart":{"lines":[{"productoId":34,"nombre":"Guantes nitrilo","cantidad":2,"precio":7800}]}}"#
        try database.pool.write { db in
            let insert = try db.makeStatement(
                sql:
                    "INSERT INTO mensajes (chat_id, remitente, tipo, contenido, metadata, creado) VALUES (?, ?, 'texto', ?, NULL, ?)"
            )
            let now = Date()
            for chat in 0..<count {
                let chatId = chat % 3 == 0 ? "web-\(chat)" : "tg:\(100_000 + chat)"
                if chat % 7 == 0 {
                    try db.execute(
                        sql: "INSERT INTO chat_control (chat_id, ia_activa, canal, actualizado) VALUES (?, 0, ?, ?)",
                        arguments: [chatId, chat % 3 == 0 ? "http" : "telegram", now])
                }
                if chat % 5 == 0 {
                    try db.execute(
                        sql: "INSERT INTO chat_estado (chat_id, estado, actualizado) VALUES (?, ?, ?)",
                        arguments: [chatId, cart, now])
                }
                for turn in 0..<8 {
                    let customer = turn % 2 == 0
                    let text =
                        customer
                        ? (turn == 6 && chat % 11 == 0
                            ? "Quiero hablar con un asesor, por favor" : "Hola, ¿tienen guantes de nitrilo talla L?")
                        : "Sí, tenemos Guantes nitrilo a $7.800 el par. ¿Cuántos necesita?"
                    let at = now.addingTimeInterval(Double(chat * 8 + turn - count * 8))
                    try insert.execute(arguments: [chatId, customer ? "usuario" : "agente", text, at])
                }
            }
        }
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func say(_ message: String) {
        FileHandle.standardError.write(Data("[console] \(message)\n".utf8))
    }
}
