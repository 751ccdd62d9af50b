import Assistant
import CHiredis
import Foundation
@testable import JobEngine
import Shop
import SpanishText
import Support

// libFuzzer targets for every reader of outside input (issue 16): built only by `ops/fuzz`
// (`VENDEDOR_FUZZ=1`, `-sanitize=fuzzer,address`), never by the normal build. One binary;
// `FUZZ_TARGET` picks the reader. A crash, a sanitizer report or an input slower than
// `-timeout` is a finding.

/// The readers this binary can fuzz.
enum FuzzTarget: String, CaseIterable {
    /// What the sales agent reads of a message: words, quantities, items, company topics.
    case agent
    /// Quantities and numbers in Spanish words or digits.
    case quantities
    /// Checkout data (labels, e-mails, addresses, phones, cédulas).
    case checkout
    /// The search query understanding (filler, sizes, synonyms, corrections).
    case query
    /// multipart/form-data bodies (uploads).
    case multipart
    /// Catalog CSV files.
    case csv
    /// Redis replies (RESP, read by hiredis and turned into `RedisReply`).
    case resp

    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .agent:
            let words = Words(String(decoding: bytes, as: UTF8.self))
            _ = words.isQuestion
            _ = QuantityParser.mentions(in: words)
            _ = ItemExtractor.items(in: words)
            _ = CompanyAnswerer.topic(of: words)
            _ = words.containsAny(phrases: ["eso es todo", "nada mas", "si"])
            // The understanding layer (intents by the example bank, entities), while browsing
            // and in checkout asking for a cédula.
            let text = String(decoding: bytes, as: UTF8.self)
            _ = Self.reader.readNow(text, context: ReadingContext())
            _ = Self.reader.readNow(text, context: ReadingContext(phase: .checkout, requested: .idNumber))
        case .quantities:
            let text = String(decoding: bytes, as: UTF8.self)
            let words = Words(text)
            for index in 0..<min(words.count, 64) { _ = SpanishNumber.read(words, at: index) }
            _ = QuantityParser.counts(in: words)
            _ = SpanishWords.tokens(text)
        case .checkout:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = CheckoutFieldExtractor.extract(text, requested: nil)
            _ = CheckoutFieldExtractor.extract(text, requested: .neighborhood)
            _ = CheckoutFieldExtractor.extract(text, requested: .notes)
        case .query:
            let (understanding, vocabulary) = Self.search
            _ = understanding.understand(String(decoding: bytes, as: UTF8.self), vocabulary: vocabulary)
        case .multipart:
            _ = try? MultipartReader.slices(in: bytes, contentType: "multipart/form-data; boundary=XyZ")
            _ = MultipartReader.parameters(String(decoding: bytes.prefix(512), as: UTF8.self))
        case .csv:
            _ = CatalogCSV.parse(Data(bytes))
        case .resp:
            // hiredis's reader, as `RedisConnection` uses it, then every reply it yields.
            guard let base = bytes.baseAddress, let reader = redisReaderCreate() else { return }
            defer { redisReaderFree(reader) }
            guard redisReaderFeed(reader, base.assumingMemoryBound(to: CChar.self), bytes.count) == REDIS_OK else {
                return
            }
            while true {
                var raw: UnsafeMutableRawPointer?
                guard redisReaderGetReply(reader, &raw) == REDIS_OK, let raw else { return }
                let reply = RedisConnection.convert(raw.assumingMemoryBound(to: redisReply.self))
                freeReplyObject(raw)
                _ = reply.string
                _ = reply.int
                _ = reply.fieldMap
                _ = try? reply.checked()
            }
        }
    }

    /// The offline reader with the example bank (`VENDEDOR_REPO_ROOT/data/entendimiento`).
    static let reader: ExampleReader = {
        let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
        return (try? ExampleReader(directory: root + "/data/entendimiento")) ?? ExampleReader(examples: [])
    }()

    /// The demo catalog's vocabulary and the search lexicon (`VENDEDOR_REPO_ROOT/data`).
    static let search: (QueryUnderstanding, SearchVocabulary) = {
        let root = ProcessInfo.processInfo.environment["VENDEDOR_REPO_ROOT"] ?? "."
        let lexicon = (try? SearchLexicon.load(directory: root + "/data/busqueda")) ?? SearchLexicon()
        let catalog = (try? Data(contentsOf: URL(fileURLWithPath: root + "/data/catalogo.csv"))) ?? Data()
        var documents: [String: Int] = [:]
        let rows = CatalogCSV.parse(catalog).rows
        for row in rows {
            let text = [row.product.name, row.product.description, row.product.category].joined(separator: " ")
            for token in Set(SpanishWords.tokens(text)) { documents[token, default: 0] += 1 }
        }
        let vocabulary = SearchVocabulary(
            terms: documents.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, productCount: rows.count,
            extraWords: lexicon.words)
        return (QueryUnderstanding(lexicon: lexicon), vocabulary)
    }()
}

nonisolated(unsafe) private var selected: FuzzTarget?

/// libFuzzer's entry: one input for the selected reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = selected else { return -1 }
    target.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable with `main` = `<module>_main`: here that hands the command
/// line to libFuzzer's driver, after `FUZZ_TARGET` chose the reader.
@_cdecl("vendedor_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("FUZZ_TARGET debe ser uno de: \(names)\n".utf8))
        return 2
    }
    selected = target
    if target == .query { _ = FuzzTarget.search }
    if target == .agent { _ = FuzzTarget.reader }
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
