import Foundation
import Testing

@testable import FaultInjection
@testable import Integrations
@testable import JobEngine
@testable import Support

/// The metrics as real consumers see them: `promtool check metrics` on what a running front
/// end and a running worker process serve, a real Prometheus scraping both while jobs run
/// (asserted through its HTTP API), and the rules file through `promtool check rules` and
/// `promtool test rules`. Needs Debian's `prometheus` package (ops/lib.sh installs it).
@Suite("Metrics scraped by promtool and Prometheus", .serialized)
struct MetricsScrapeTests {
    @Test func frontEndAndWorkerExpositionsPassPromtoolAndAPrometheusSeesJobsMove() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.tearDown() }
        let workerMetricsPort = TestPaths.freePort()
        var workerEnvironment = fixture.environment
        workerEnvironment["METRICS_PORT"] = String(workerMetricsPort)
        let worker = try WorkerProcess(
            environment: workerEnvironment, arguments: ["--queues", "noop"], binary: WorkerProcess.withFaults)
        let frontEndPort = TestPaths.freePort()
        var frontEndEnvironment = fixture.environment
        frontEndEnvironment["PORT"] = String(frontEndPort)
        frontEndEnvironment["SECRET_KEY"] = "metrics-test-secret-0123456789abcdef"
        let frontEndLog = TestPaths.temporaryDirectory("frontend").appendingPathComponent("frontend.log")
        let frontEnd = try ChildProcess(
            path: TestPaths.binDir.appendingPathComponent("vendedor-enqueuer").path, arguments: ["serve"],
            environment: frontEndEnvironment, outputPath: frontEndLog.path)
        defer {
            frontEnd.signal(SIGKILL)
            _ = frontEnd.waitForExitBlocking()
        }
        let frontEndURL = "http://127.0.0.1:\(frontEndPort)"
        let workerURL = "http://127.0.0.1:\(workerMetricsPort)"
        #expect(try await eventually(timeout: .seconds(30)) { await Self.get("\(frontEndURL)/health")?.status == 200 })
        #expect(try await eventually(timeout: .seconds(30)) { await Self.get("\(workerURL)/metrics")?.status == 200 })

        // Three jobs complete, one fails for good; the front end answers a few requests.
        var ids: [String] = []
        for _ in 0..<3 { ids.append(try await fixture.jobs.enqueue(FaultJob()).id) }
        let failing = try await fixture.jobs.enqueue(FaultJob(failAlways: true)).id
        for id in ids { #expect(try await fixture.waitFor(id, state: .completed) != nil) }
        #expect(try await fixture.waitFor(failing, state: .failed) != nil)
        for _ in 0..<4 { _ = await Self.get("\(frontEndURL)/health") }
        _ = await Self.get("\(frontEndURL)/jobs/no-existe")

        let workerText = try #require(await Self.get("\(workerURL)/metrics")).text
        let frontEndText = try #require(await Self.get("\(frontEndURL)/metrics")).text
        try await Self.promtoolAccepts(workerText, "worker")
        try await Self.promtoolAccepts(frontEndText, "front end")
        #expect(workerText.contains(#"vendedor_queue_jobs_total{queue="noop",outcome="completed"} 3"#))
        #expect(workerText.contains(#"vendedor_queue_jobs_total{queue="noop",outcome="failed"} 1"#))
        #expect(workerText.contains(#"vendedor_queue_wait_seconds_count{queue="noop"} 4"#))
        #expect(workerText.contains(#"vendedor_queue_run_seconds_bucket{queue="noop",le="+Inf"} 4"#))
        #expect(
            frontEndText.contains(#"vendedor_http_requests_total{route="/health",method="GET",status_class="2xx"} "#))
        // A concrete job id never becomes a label: the route template does.
        #expect(!frontEndText.contains("no-existe"))
        #expect(frontEndText.contains(#"route="/jobs/{id}""#))
        #expect(frontEndText.contains(#"vendedor_queue_depth{queue="noop",state="pending"} 0"#))

        // A real Prometheus scrapes both every second; more jobs must show in its answers.
        let prometheusPort = TestPaths.freePort()
        let directory = TestPaths.temporaryDirectory("prometheus")
        let config = """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: vendedor
                static_configs:
                  - targets: ['127.0.0.1:\(frontEndPort)']
                    labels: {process: front_end}
                  - targets: ['127.0.0.1:\(workerMetricsPort)']
                    labels: {process: worker}
            """
        try config.write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let prometheus = try ChildProcess(
            path: "/usr/bin/prometheus",
            arguments: [
                "--config.file=\(directory.path)/prometheus.yml", "--storage.tsdb.path=\(directory.path)/data",
                "--web.listen-address=127.0.0.1:\(prometheusPort)",
            ],
            outputPath: directory.appendingPathComponent("prometheus.log").path)
        defer {
            prometheus.signal(SIGKILL)
            _ = prometheus.waitForExitBlocking()
        }
        let api = "http://127.0.0.1:\(prometheusPort)/api/v1/query?query="
        func value(_ query: String) async -> Double? {
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
            guard let response = await Self.get(api + encoded), response.status == 200,
                let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
                let data = object["data"] as? [String: Any], let result = data["result"] as? [[String: Any]],
                let first = result.first, let pair = first["value"] as? [Any], let text = pair.last as? String
            else { return nil }
            return Double(text)
        }
        let completed = #"sum(vendedor_queue_jobs_total{queue="noop",outcome="completed",process="worker"})"#
        #expect(try await eventually(timeout: TestPaths.loadedWait) { await value(completed) == 3 })
        #expect(try await eventually(timeout: .seconds(30)) { await value("sum(up)") == 2 })
        for _ in 0..<5 { ids.append(try await fixture.jobs.enqueue(FaultJob(sleepMs: 20)).id) }
        for id in ids { #expect(try await fixture.waitFor(id, state: .completed) != nil) }
        #expect(try await eventually(timeout: .seconds(30)) { await value(completed) == 8 })
        #expect(
            try await eventually(timeout: .seconds(30)) {
                await value(#"sum(vendedor_queue_run_seconds_count{queue="noop"})"#) == 9
            })
        // The 20 ms sleeps show in the run-time histogram: five runs above the 10 ms bound.
        let slow =
            #"sum(vendedor_queue_run_seconds_bucket{queue="noop",le="+Inf"}) - sum(vendedor_queue_run_seconds_bucket{queue="noop",le="0.01"})"#
        #expect(try await eventually(timeout: .seconds(30)) { (await value(slow) ?? 0) >= 5 })
        #expect(
            try await eventually(timeout: .seconds(30)) {
                (await value(#"sum(vendedor_http_requests_total{route="/health",process="front_end"})"#) ?? 0) >= 4
            })
        worker.terminate()
        _ = await worker.waitForExit(timeout: .seconds(15))
    }

    @Test func rulesFilePassesPromtoolCheckAndItsUnitTests() async throws {
        let directory = TestPaths.repoRoot.appendingPathComponent("ops/prometheus").path
        for arguments in [["check", "rules", "rules.yml"], ["test", "rules", "rules.test.yml"]] {
            let output = TestPaths.temporaryDirectory("promtool").appendingPathComponent("out.txt").path
            let outcome = try await Subprocess.run(
                "/bin/sh", ["-c", "cd '\(directory)' && promtool \(arguments.joined(separator: " "))"],
                stdout: output, stderr: output, timeout: .seconds(60))
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            #expect(outcome.succeeded, "promtool \(arguments.joined(separator: " ")): \(text)")
            #expect(text.contains("SUCCESS"))
        }
    }

    /// Every query of the Grafana dashboard is valid PromQL (promtool parses it as a rule)
    /// and names only metrics the processes export.
    @Test func dashboardQueriesParseAndNameExportedMetrics() async throws {
        let url = TestPaths.repoRoot.appendingPathComponent("ops/grafana/vendedor.json")
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        var expressions: [String] = []
        for panel in panels {
            for target in panel["targets"] as? [[String: Any]] ?? [] {
                if let expr = target["expr"] as? String { expressions.append(expr) }
            }
        }
        #expect(expressions.count >= 15)
        var rules = "groups:\n  - name: dashboard\n    rules:\n"
        for (index, expr) in expressions.enumerated() {
            let quoted = String(decoding: try JSONSerialization.data(withJSONObject: [expr]), as: UTF8.self)
            rules += "      - record: dashboard:query_\(index)\n        expr: \(quoted.dropFirst().dropLast())\n"
        }
        let directory = TestPaths.temporaryDirectory("dashboard")
        let file = directory.appendingPathComponent("rules.yml")
        try rules.write(to: file, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out.txt").path
        let outcome = try await Subprocess.run(
            "promtool", ["check", "rules", file.path], stdout: output, stderr: output, timeout: .seconds(60))
        #expect(outcome.succeeded, "\((try? String(contentsOfFile: output, encoding: .utf8)) ?? "")")
        let exported = [
            "vendedor_queue_wait_seconds", "vendedor_queue_run_seconds", "vendedor_queue_jobs_total",
            "vendedor_queue_depth", "vendedor_workers_alive", "vendedor_http_requests_total",
            "vendedor_http_request_duration_seconds", "vendedor_http_requests_in_flight",
            "vendedor_http_long_polls_waiting", "vendedor_outbound_requests_total",
            "vendedor_outbound_request_duration_seconds", "vendedor_outbound_rate_limited_total",
            "vendedor_outbound_retries_total", "vendedor_agent_messages_total",
            "vendedor_agent_order_value_pesos_total", "vendedor_agent_turns_to_purchase",
        ]
        for expr in expressions {
            let names = expr.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                .filter { $0.hasPrefix("vendedor_") }
            for name in names {
                let base = ["_bucket", "_sum", "_count"].reduce(String(name)) { name, suffix in
                    name.hasSuffix(suffix) && !exported.contains(name) ? String(name.dropLast(suffix.count)) : name
                }
                #expect(exported.contains(base), "\(name) in \(expr)")
            }
        }
    }

    /// The dashboard loads in Grafana's schema (ops/grafana/check-dashboard.py, with the
    /// schema of grafana-foundation-sdk); a copy with a key the schema lacks, a panel type
    /// Grafana does not have and a grid position that is not a number is refused, naming each.
    @Test func dashboardMatchesGrafanasSchema() async throws {
        let python = try #require(
            ProcessInfo.processInfo.environment["VENDEDOR_GRAFANA_PYTHON"],
            "ops/test installs grafana-foundation-sdk into var/venv and sets VENDEDOR_GRAFANA_PYTHON")
        let script = TestPaths.repoRoot.appendingPathComponent("ops/grafana/check-dashboard.py").path
        let url = TestPaths.repoRoot.appendingPathComponent("ops/grafana/vendedor.json")
        let directory = TestPaths.temporaryDirectory("grafana")
        func check(_ file: String) async throws -> (Bool, String) {
            let output = directory.appendingPathComponent("out.txt").path
            let outcome = try await Subprocess.run(
                python, [script, file], stdout: output, stderr: output, timeout: .seconds(60))
            return (outcome.succeeded, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
        }
        let (good, goodText) = try await check(url.path)
        #expect(good, "\(goodText)")
        #expect(goodText.contains("SUCCESS"))

        var dashboard = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var panels = try #require(dashboard["panels"] as? [[String: Any]])
        try #require(panels.count >= 3)
        panels[0]["leyenda"] = ["mostrar": true]
        panels[1]["type"] = "grafico"
        var grid = try #require(panels[2]["gridPos"] as? [String: Any])
        grid["w"] = "doce"
        panels[2]["gridPos"] = grid
        dashboard["panels"] = panels
        let broken = directory.appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: dashboard).write(to: broken)
        let (accepted, text) = try await check(broken.path)
        #expect(!accepted)
        #expect(text.contains("/panels[0]/leyenda"), "\(text)")
        #expect(text.contains("/panels[1]/type"), "\(text)")
        #expect(text.contains("/panels[2]/gridPos/w"), "\(text)")
    }

    @Test func theRegistryEscapesLabelValuesAndAccumulatesHistogramBuckets() async throws {
        let registry = MetricsRegistry()
        let histogram = registry.histogram("test_duration_seconds", "A test histogram.", labels: ["name"])
        let series = histogram.labels("a\"b\\c\nd")
        for value in [0.0005, 0.02, 0.02, 300, -1] { series.observe(value) }
        registry.counter("test_events_total", "Events.", labels: ["kind"]).labels("x").increment(by: 2.5)
        let text = registry.exposition()
        #expect(text.contains(#"test_duration_seconds_bucket{name="a\"b\\c\nd",le="0.001"} 2"#))
        #expect(text.contains(#"test_duration_seconds_bucket{name="a\"b\\c\nd",le="0.025"} 4"#))
        #expect(text.contains(#"test_duration_seconds_bucket{name="a\"b\\c\nd",le="120"} 4"#))
        #expect(text.contains(#"test_duration_seconds_bucket{name="a\"b\\c\nd",le="+Inf"} 5"#))
        #expect(text.contains(#"test_duration_seconds_count{name="a\"b\\c\nd"} 5"#))
        #expect(text.contains(#"test_events_total{kind="x"} 2.5"#))
        try await Self.promtoolAccepts(text, "registry")
    }

    static func get(_ url: String) async -> OutboundResponse? {
        try? await CurlTransport().send(OutboundRequest(url: url, timeout: .seconds(10)))
    }

    /// `promtool check metrics` (format and naming lint) exits 0 with nothing to say.
    static func promtoolAccepts(_ text: String, _ what: String) async throws {
        let directory = TestPaths.temporaryDirectory("promtool")
        let input = directory.appendingPathComponent("metrics.txt")
        let output = directory.appendingPathComponent("out.txt").path
        try text.write(to: input, atomically: true, encoding: .utf8)
        let outcome = try await Subprocess.run(
            "/bin/sh", ["-c", "promtool check metrics < '\(input.path)'"], stdout: output, stderr: output,
            timeout: .seconds(60))
        let said = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(outcome.succeeded, "promtool check metrics (\(what)): \(said)")
        #expect(said.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool (\(what)): \(said)")
    }
}
