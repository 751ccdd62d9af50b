import Assistant
import Foundation
import FrontEnd
import Shop
import SpanishText

/// `ops/bench parse`: every reader of outside text on adversarial inputs of growing length
/// (issue 16, finding 2). For each reader and each hostile shape (spaced digits, one long
/// digit word, long words, many short words, many lines, labels, addresses…) it times the
/// reader on the shape repeated to 1,000 and to 4,000 characters (bytes for multipart and
/// CSV) and prints `parse.<reader>.<shape>.ratio_4000_1000` (linear ≈ 4, goal ≤ 5; the cubic
/// number scanner of before gave ~64 and more), then the worst shape's
/// `parse.<reader>_us_1000`, `parse.<reader>_us_4000` (microseconds of one call) and
/// `parse.<reader>_ratio_4000_1000`. The old pathological message, 800 and 2,000
/// space-separated "1"s (6.3 s and minutes of worker CPU before), is timed through the whole
/// agent as `parse.agent_ones_800_us` / `parse.agent_ones_2000_us`. The machine may be
/// shared: times are this process's CPU time, the two sizes are timed in alternating batches
/// (`PARSE_BENCH_ROUNDS`, default 7), the ratio is the median of the rounds' ratios and the
/// times are medians. `PARSE_BENCH_SHAPES=unos,digitos…` times only those shapes.
struct ParseBench {
    var dataDirectory: String

    /// A reader under test: one call on an input of the given size.
    struct Reader {
        var name: String
        var patterns: [(name: String, make: (Int) -> Any)]
        var call: (Any) async throws -> Void
    }

    static let textPieces: [(String, String)] = [
        ("unos", "1 "), ("guiones", "1-"), ("puntos", "1."), ("telefono", "315 678 9012 "), ("palabras_numero", "uno "),
        ("mil", "dos mil "), ("numero_largo", "ciento veintitres mil cuatrocientos "),
        ("digitos_largos", "1234567890123 "),
        ("separadores_numero", "1,5.2-3/4 "), ("decimales", "1,5 "), ("docenas", "media docena "), ("x", "x1 "),
        ("etiquetas", "cc "),
        ("etiqueta_numero", "cel 3 "),
        ("direcciones", "calle 5 # 38-21 "), ("correos", "a@b.co "), ("arrobas", "@"), ("si", "si "),
        ("gracias", "gracias "), ("separadores", ", "), ("digitos", "1"), ("letras", "a"), ("espacios", " "),
        ("lineas", "10 guantes\n"), ("lineas_vacias", "\n"),
        ("palabras_largas", String(repeating: "guantes", count: 12) + " "),
        ("tildes", "a\u{301}"), ("acentos", "ñáéíóú "), ("emoji", "👍"), ("pregunta", "¿cuánto vale? "),
        ("productos", "guantes de vaqueta "),
        ("pedido", "10 pares de guantes y 5 chalecos "), ("nombre", "me llamo Ana "), ("quita", "quita la linterna "),
    ]

    static func text(_ piece: String, _ size: Int) -> String {
        var text = String(repeating: piece, count: max(1, size / max(1, piece.count)))
        while text.count < size { text.append("a") }
        return text
    }

    static func textPatterns() -> [(name: String, make: (Int) -> Any)] {
        textPieces.map { name, piece in (name, { size in text(piece, size) }) }
            + [
                (
                    "mezcla",
                    { size in
                        let words = textPieces.map(\.1)
                        var generator = SystemRandomNumberGenerator()
                        var text = ""
                        while text.count < size { text += words.randomElement(using: &generator)! }
                        return String(text.prefix(size))
                    }
                )
            ]
    }

    static let boundary = "XyZ0123456789"

    static func multipartPatterns() -> [(name: String, make: (Int) -> Any)] {
        func body(_ unit: String, _ size: Int, head: String = "--\(boundary)\r\n", tail: String = "") -> Data {
            var text = head
            while text.utf8.count + unit.utf8.count + tail.utf8.count <= size { text += unit }
            return Data((text + tail).utf8)
        }
        let part = "Content-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--\(boundary)\r\n"
        return [
            ("partes", { size in body(part, size, tail: "--") }),
            ("casi_limite", { size in body("\r\n--XyZ012345678", size, tail: "\r\n--\(boundary)--") }),
            ("retornos", { size in body("\r", size) }),
            (
                "parametros",
                { size in
                    body("; a=\"b;c\"", size, head: "--\(boundary)\r\nContent-Disposition: form-data; name=\"f\"")
                }
            ),
            ("encabezados", { size in body("X: y\r\n", size, head: "--\(boundary)\r\n") }),
            (
                "contenido",
                { size in body("a", size, head: "--\(boundary)\r\n\(part.prefix(46))", tail: "\r\n--\(boundary)--") }
            ),
        ]
    }

    static func csvPatterns() -> [(name: String, make: (Int) -> Any)] {
        let header = "id,nombre,descripcion,precio,stock,activo,categoria\n"
        func csv(_ unit: String, _ size: Int, head: String = header) -> Data {
            var text = head
            while text.utf8.count + unit.utf8.count <= size { text += unit }
            return Data(text.utf8)
        }
        return [
            ("filas", { size in csv("1,Guante,Cuero,1000,5,true,EPP\n", size) }),
            ("ids_repetidos", { size in csv("1,G,,1,1,,\n", size) }),
            ("columnas", { size in csv(",", size) }),
            ("comillas", { size in csv("\"\"", size, head: header + "1,\"") }),
            ("sin_cerrar", { size in csv("a\n", size, head: header + "\"") }),
            ("vacias", { size in csv("\n", size) }),
            ("errores", { size in csv("x,,y,z,-1,quizas,\n", size) }),
            ("encabezado", { size in csv("c,", size, head: "") }),
            (
                "punto_y_coma",
                { size in csv("1;a;b;1;1;si;c\n", size, head: "id;nombre;descripcion;precio;stock;activo;categoria\n") }
            ),
        ]
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parse-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("bench.db").path)
        _ = try database.seedIfEmpty(
            catalogCSV: try String(contentsOfFile: "\(dataDirectory)/catalogo.csv", encoding: .utf8),
            companyText: try String(contentsOfFile: "\(dataDirectory)/contexto_empresa.md", encoding: .utf8))
        let lexicon = try SearchLexicon.load(directory: "\(dataDirectory)/busqueda")
        let read = try database.searchVocabulary()
        let vocabulary = SearchVocabulary(terms: read.terms, productCount: read.productCount, extraWords: lexicon.words)
        let understanding = QueryUnderstanding(lexicon: lexicon)
        let agent = SalesAgent(
            database: database, retriever: NoProducts(), placer: NoOrders(),
            reader: try ExampleReader(directory: "\(dataDirectory)/entendimiento"))
        var checkout = DialogueState()
        checkout.phase = .checkout
        checkout.form.requested = .name
        let inCheckout = checkout

        let text = Self.textPatterns()
        let readers: [Reader] = [
            Reader(
                name: "agent", patterns: text,
                call: { input in
                    let message = input as! String
                    _ = try await agent.respond(chatId: "bench", message: message, state: DialogueState())
                    _ = try await agent.respond(chatId: "bench", message: message, state: inCheckout)
                }),
            Reader(
                name: "quantities", patterns: text,
                call: { input in
                    let words = Words(input as! String)
                    _ = QuantityParser.mentions(in: words)
                    _ = ItemExtractor.items(in: words)
                }),
            Reader(
                name: "checkout", patterns: text,
                call: { input in
                    _ = CheckoutFieldExtractor.extract(input as! String, requested: nil)
                    _ = CheckoutFieldExtractor.extract(input as! String, requested: .neighborhood)
                }),
            Reader(
                name: "query", patterns: text,
                call: { input in _ = understanding.understand(input as! String, vocabulary: vocabulary) }),
            Reader(
                name: "multipart", patterns: Self.multipartPatterns(),
                call: { input in
                    _ = try? Multipart.parts(
                        in: input as! Data, contentType: "multipart/form-data; boundary=\(Self.boundary)")
                }),
            Reader(name: "csv", patterns: Self.csvPatterns(), call: { input in _ = CatalogCSV.parse(input as! Data) }),
        ]
        let only = ProcessInfo.processInfo.environment["PARSE_BENCH_ONLY"].map {
            Set($0.split(separator: ",").map(String.init))
        }
        let shapes = ProcessInfo.processInfo.environment["PARSE_BENCH_SHAPES"].map {
            Set($0.split(separator: ",").map(String.init))
        }
        let rounds =
            ProcessInfo.processInfo.environment["PARSE_BENCH_ROUNDS"].flatMap { Int($0) }.map { max(1, $0) } ?? 7
        for reader in readers where only?.contains(reader.name) ?? true {
            var worst: (ratio: Double, smallMicros: Double, micros: Double, pattern: String) = (0, 0, 0, "")
            for pattern in reader.patterns where shapes?.contains(pattern.name) ?? true {
                let (small, large, ratio) = try await Self.compare(
                    pattern.make(1_000), pattern.make(4_000), rounds: rounds, reader.call)
                FileHandle.standardError.write(
                    Data(
                        String(
                            format: "parse %@ %@: %.1f µs → %.1f µs (×%.2f)\n", reader.name, pattern.name,
                            small * 1e6, large * 1e6, ratio
                        ).utf8))
                print(String(format: "parse.%@.%@.ratio_4000_1000=%.2f", reader.name, pattern.name, ratio))
                if ratio > worst.ratio { worst = (ratio, small * 1e6, large * 1e6, pattern.name) }
            }
            FileHandle.standardError.write(Data("parse \(reader.name): peor patrón \(worst.pattern)\n".utf8))
            print(String(format: "parse.%@_us_1000=%.1f", reader.name, worst.smallMicros))
            print(String(format: "parse.%@_us_4000=%.1f", reader.name, worst.micros))
            print(String(format: "parse.%@_ratio_4000_1000=%.2f", reader.name, worst.ratio))
            if reader.name == "agent" {
                for count in [800, 2_000] {
                    let ones = String(repeating: "1 ", count: count)
                    let calls = try await Self.calls(ones, reader.call)
                    var times: [Double] = []
                    for _ in 0..<rounds { times.append(try await Self.seconds(ones, calls: calls, reader.call)) }
                    print(String(format: "parse.agent_ones_%d_us=%.1f", count, Self.median(times) * 1e6))
                }
            }
        }
    }

    /// Seconds per call on the small and the large input, and their ratio: batches of the two
    /// alternate, so a burst of load from elsewhere lands on both; medians over the rounds.
    static func compare(_ small: Any, _ large: Any, rounds: Int, _ call: (Any) async throws -> Void) async throws
        -> (small: Double, large: Double, ratio: Double)
    {
        let smallCalls = try await calls(small, call)
        let largeCalls = try await calls(large, call)
        var smallTimes: [Double] = []
        var largeTimes: [Double] = []
        var ratios: [Double] = []
        for _ in 0..<rounds {
            let s = try await seconds(small, calls: smallCalls, call)
            let l = try await seconds(large, calls: largeCalls, call)
            smallTimes.append(s)
            largeTimes.append(l)
            ratios.append(l / max(s, 1e-12))
        }
        return (median(smallTimes), median(largeTimes), median(ratios))
    }

    /// How many calls make a batch of at least 10 ms of CPU (at most 2^16).
    static func calls(_ input: Any, _ call: (Any) async throws -> Void) async throws -> Int {
        var calls = 1
        while calls < 1 << 16 {
            if try await seconds(input, calls: calls, call) * Double(calls) >= 0.01 { break }
            calls *= 2
        }
        return calls
    }

    /// CPU seconds of this process per call over one batch of `calls` calls: what other
    /// processes on a shared machine do is not counted (their time on the CPU would be).
    static func seconds(_ input: Any, calls: Int, _ call: (Any) async throws -> Void) async throws -> Double {
        let start = cpuSeconds()
        for _ in 0..<calls { try await call(input) }
        return (cpuSeconds() - start) / Double(calls)
    }

    static func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The agent's catalog search, answering nothing at once: only the agent's own reading is timed.
    struct NoProducts: ProductRetriever {
        func find(_ query: String, limit: Int) async throws -> ProductSearchResult { .notCarried(alternatives: []) }
    }

    struct NoOrders: OrderPlacer {
        func place(_ request: OrderRequest, key: String, attempt: Int, updatesClient: Bool) async throws
            -> OrderPlacement
        {
            .refused("benchmark")
        }
    }
}
