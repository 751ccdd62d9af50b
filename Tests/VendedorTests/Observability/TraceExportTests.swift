import Foundation
import Testing
import Tracing

@testable import FaultInjection
@testable import Integrations
@testable import JobEngine
@testable import Shop
@testable import Support

/// Traces as a collector sees them: the real front end and worker processes export over
/// OTLP/HTTP JSON to a fake collector on loopback, and one customer message is one trace
/// from the HTTP request through the chat job to the delivery, parents chained across the
/// processes by the `traceparent` each job carries in its envelope.
@Suite("Traces exported over OTLP", .serialized)
struct TraceExportTests {
    /// One span as the collector received it.
    struct Received: Equatable {
        var service: String
        var traceId: String
        var spanId: String
        var parentSpanId: String
        var name: String
        var kind: Int
    }

    static func spans(in server: FakeAPIServer) -> [Received] {
        var spans: [Received] = []
        for request in server.requests(matching: "/v1/traces") {
            guard let object = request.json as? [String: Any],
                let resources = object["resourceSpans"] as? [[String: Any]]
            else { continue }
            for resource in resources {
                let attributes = (resource["resource"] as? [String: Any])?["attributes"] as? [[String: Any]] ?? []
                let service =
                    attributes.first { $0["key"] as? String == "service.name" }
                    .flatMap { ($0["value"] as? [String: Any])?["stringValue"] as? String } ?? ""
                for scope in resource["scopeSpans"] as? [[String: Any]] ?? [] {
                    for span in scope["spans"] as? [[String: Any]] ?? [] {
                        spans.append(
                            Received(
                                service: service, traceId: span["traceId"] as? String ?? "",
                                spanId: span["spanId"] as? String ?? "",
                                parentSpanId: span["parentSpanId"] as? String ?? "",
                                name: span["name"] as? String ?? "",
                                kind: span["kind"] as? Int ?? 0))
                    }
                }
            }
        }
        return spans
    }

    @Test func aChatMessageIsOneTraceFromTheRequestThroughTheChatJobToItsDelivery() async throws {
        try await FakeAPIServer.run({ server in
            server.route("POST", "/v1/traces") { _ in .json("{}") }
            server.route("POST", "/callback") { _ in .json(#"{"ok":true}"#) }
        }) { server in
            let fixture = try await QueueFixture()
            defer { fixture.tearDown() }
            let secret = "trace-test-secret-0123456789abcdef"
            var environment = fixture.environment
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = server.baseURL
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "100"
            environment["CALLBACK_ALLOWED_NETWORKS"] = "127.0.0.1/32"
            environment["EMBEDDINGS_PROVIDER"] = "none"
            environment["SECRET_KEY"] = secret
            let workers = try WorkerProcess(environment: environment, arguments: ["--queues", "chat,entregas,pedidos"])
            defer { workers.terminate() }
            let port = TestPaths.freePort()
            environment["PORT"] = String(port)
            let frontEnd = try ChildProcess(
                path: TestPaths.binDir.appendingPathComponent("vendedor-enqueuer").path, arguments: ["serve"],
                environment: environment,
                outputPath: TestPaths.temporaryDirectory("frontend").appendingPathComponent("frontend.log").path)
            defer {
                frontEnd.signal(SIGKILL)
                _ = frontEnd.waitForExitBlocking()
            }
            let base = "http://127.0.0.1:\(port)"
            #expect(await eventually(timeout: .seconds(30)) { await Self.send("GET", "\(base)/health")?.status == 200 })

            let signer = TokenSigner(secret: secret)
            let admin = signer.sign(subject: "admin-trazas", role: .admin, lifetime: 3600)
            let channel = signer.sign(subject: "tienda-trazas", role: .channel, lifetime: 3600)
            let configured = await Self.send(
                "PUT", "\(base)/admin/canales/tienda-trazas", token: admin,
                json: #"{"callback_url": "\#(server.baseURL)/callback"}"#)
            #expect(configured?.status == 200, "\(configured?.text ?? "sin respuesta")")
            let accepted = await Self.send(
                "POST", "\(base)/chat/texto", token: channel, json: #"{"chat_id": "c-trazas", "mensaje": "hola"}"#)
            #expect(accepted?.status == 202, "\(accepted?.text ?? "sin respuesta")")

            let delivered = await eventually(timeout: TestPaths.loadedWait) {
                !server.requests(matching: "/callback").isEmpty
            }
            #expect(delivered, "log: \(workers.log.suffix(2000))")

            // HTTP span → chat job span → delivery job span → the callback's client span.
            var chain: [Received] = []
            let complete = await eventually(timeout: .seconds(30)) {
                let spans = Self.spans(in: server)
                guard let request = spans.first(where: { $0.name == "POST /chat/texto" }) else { return false }
                let trace = spans.filter { $0.traceId == request.traceId }
                func child(of parent: Received, named name: String) -> Received? {
                    trace.first { $0.parentSpanId == parent.spanId && $0.name == name }
                }
                guard let chat = child(of: request, named: "chat.mensaje"),
                    let delivery = child(of: chat, named: "entrega.enviar"),
                    let callback = child(of: delivery, named: "callback deliver")
                else { return false }
                chain = [request, chat, delivery, callback]
                return true
            }
            let names = Self.spans(in: server).map { "\($0.service) \($0.name) \($0.spanId)←\($0.parentSpanId)" }
            #expect(complete, "spans recibidos: \(names)")
            guard complete else { return }
            let (request, chat, delivery, callback) = (chain[0], chain[1], chain[2], chain[3])
            #expect(request.parentSpanId.isEmpty)  // the trace starts at the request
            #expect(request.service == "vendedor-enqueuer" && request.kind == 2)
            #expect(chat.service == "vendedor-workers" && chat.kind == 5)
            #expect(delivery.service == "vendedor-workers" && delivery.kind == 5)
            #expect(callback.kind == 3)
            #expect(Set(chain.map(\.traceId)).count == 1)
            #expect(request.traceId.count == 32 && request.spanId.count == 16)
            #expect(request.traceId.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            // The chat turn's storage work is in the same trace, under the chat job.
            let storage = Self.spans(in: server).filter {
                $0.traceId == request.traceId && $0.name.hasPrefix("sqlite ")
            }
            #expect(!storage.isEmpty, "\(names)")
            // Stopping sends what is left: the processes exit cleanly.
            workers.terminate()
            #expect(await workers.waitForExit(timeout: .seconds(30)) == 0)
        }
    }

    /// A job whose envelope has no trace context (enqueued with tracing off, or by a version
    /// without the field) runs and starts a trace of its own; one enqueued under a span
    /// carries it in its record (`tp`) and its run is that span's child, as are its follow-ups.
    @Test func aJobWithoutTraceContextStillRunsAndOneWithItContinuesTheTrace() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let recorder = SpanRecorder()
        let plain = try await fixture.jobs.enqueue(FaultJob()).id
        #expect(try await fixture.redis.send("HEXISTS", "vd:job:\(plain)", "tp").int == 0)
        try await Traces.withRecorder(recorder) {
            let worker = try InProcessWorker(fixture)
            #expect(try await fixture.waitFor(plain, state: .completed) != nil)
            let (parent, traced) = try await Traces.span("prueba") { span in
                (span!.identity, try await fixture.jobs.enqueue(FaultJob(followUps: 1)).id)
            }
            #expect(try await fixture.redis.send("HGET", "vd:job:\(traced)", "tp").string == parent.header)
            #expect(try await fixture.waitFor(traced, state: .completed) != nil)
            var spans: [FinishedSpan] = []
            let seen = await eventually(timeout: TestPaths.loadedWait) {
                spans += recorder.drain()
                return spans.filter { $0.name == "noop" }.count >= 3
            }
            #expect(seen, "\(spans.map(\.name))")
            let jobs = spans.filter { $0.name == "noop" }
            let root = try #require(jobs.first { $0.identity.traceIdHex != parent.traceIdHex })
            #expect(root.parentSpanId == 0)
            #expect(root.kind == .consumer)
            let child = try #require(jobs.first { $0.parentSpanId == parent.spanId })
            #expect(child.identity.traceIdHex == parent.traceIdHex)
            #expect(
                jobs.contains {
                    $0.parentSpanId == child.identity.spanId && $0.identity.traceIdHex == parent.traceIdHex
                })
            await worker.stop()
        }
    }

    @Test func traceParentsAreReadStrictly() {
        let valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let parsed = TraceParent(valid)
        #expect(parsed?.header == valid)
        #expect(parsed?.traceIdHex == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(parsed?.spanIdHex == "00f067aa0ba902b7")
        #expect(parsed?.sampled == true)
        #expect(TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")?.sampled == false)
        for invalid in [
            "", "hola", valid.uppercased(), valid + "-x", String(valid.dropLast()),
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
            "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            String(repeating: "0-", count: 5000),
        ] {
            #expect(TraceParent(invalid) == nil, "\(invalid.prefix(60))")
        }
        // A later version is read by its first fields.
        #expect(TraceParent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra") != nil)
    }

    @Test func theOTLPJSONHasTheSpecFieldNamesHexIdsAndNanosecondsAsStrings() throws {
        let identity = try #require(TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        var attributes: SpanAttributes = [:]
        attributes["http.route"] = "/chat/texto"
        attributes["http.response.status_code"] = 202
        attributes["vendedor.ratio"] = 0.5
        let span = FinishedSpan(
            identity: identity, parentSpanId: 0x1234, name: "POST /chat/texto", kind: .server,
            startNanos: 1_700_000_000_000_000_001, endNanos: 1_700_000_000_500_000_000, attributes: attributes,
            status: SpanStatus(code: .error, message: "falló"), events: [])
        let data = OTLPTraceJSON.encode([span], serviceName: "vendedor-enqueuer")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let resource = try #require((object["resourceSpans"] as? [[String: Any]])?.first)
        let service = try #require(
            ((resource["resource"] as? [String: Any])?["attributes"] as? [[String: Any]])?.first)
        #expect(service["key"] as? String == "service.name")
        #expect((service["value"] as? [String: Any])?["stringValue"] as? String == "vendedor-enqueuer")
        let scope = try #require((resource["scopeSpans"] as? [[String: Any]])?.first)
        let encoded = try #require((scope["spans"] as? [[String: Any]])?.first)
        #expect(encoded["traceId"] as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(encoded["spanId"] as? String == "00f067aa0ba902b7")
        #expect(encoded["parentSpanId"] as? String == "0000000000001234")
        #expect(encoded["kind"] as? Int == 2)
        #expect(encoded["startTimeUnixNano"] as? String == "1700000000000000001")
        #expect(encoded["endTimeUnixNano"] as? String == "1700000000500000000")
        #expect((encoded["status"] as? [String: Any])?["code"] as? Int == 2)
        let values = Dictionary(
            uniqueKeysWithValues: (encoded["attributes"] as? [[String: Any]] ?? []).map {
                ($0["key"] as? String ?? "", $0["value"] as? [String: Any] ?? [:])
            })
        #expect(values["http.route"]?["stringValue"] as? String == "/chat/texto")
        #expect(values["http.response.status_code"]?["intValue"] as? String == "202")
        #expect(values["vendedor.ratio"]?["doubleValue"] as? Double == 0.5)
    }

    /// Log lines inside a job's span carry its trace, span and job ids.
    @Test func logMetadataNamesTheTraceAndTheJob() async throws {
        let recorder = SpanRecorder()
        #expect(Traces.logMetadata.get().isEmpty)
        try await Traces.withRecorder(recorder) {
            var context = ServiceContext.topLevel
            context[JobIDKey.self] = "trabajo-1"
            try await ServiceContext.$current.withValue(context) {
                try await Traces.span("prueba") { span in
                    let metadata = Traces.logMetadata.get()
                    let identity = try #require(span?.identity)
                    #expect(metadata["trace_id"] == .string(identity.traceIdHex))
                    #expect(metadata["span_id"] == .string(identity.spanIdHex))
                    #expect(metadata["job.id"] == .string("trabajo-1"))
                    let line = LineLogHandler.jsonLine(
                        timestamp: "t", level: .info, label: "l", metadata: metadata, source: "s", message: "m")
                    #expect(line.contains(#""trace_id":"\#(identity.traceIdHex)""#))
                    #expect(line.contains(#""job.id":"trabajo-1""#))
                }
            }
        }
    }

    /// A full buffer drops the newest spans and counts them; it never blocks.
    @Test func aFullBufferDropsAndCounts() async {
        let recorder = SpanRecorder(capacity: 3)
        await Traces.withRecorder(recorder) {
            for _ in 0..<5 { await Traces.span("x") { _ in } }
        }
        #expect(recorder.pendingCount == 3)
        #expect(recorder.droppedSpans == 2)
        #expect(recorder.drain(max: 2).count == 2)
        #expect(recorder.drain().count == 1)
    }

    static func send(_ method: String, _ url: String, token: String? = nil, json: String? = nil) async
        -> OutboundResponse?
    {
        var headers: [(String, String)] = []
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        if json != nil { headers.append(("Content-Type", "application/json")) }
        return try? await CurlTransport().send(
            OutboundRequest(
                method: method, url: url, headers: headers, body: json.map { Array($0.utf8) }, timeout: .seconds(10)))
    }
}
