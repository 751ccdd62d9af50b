import Foundation

/// The labelled examples of every intent, stored as data: each `*.tsv` file of the bank's
/// directory (`data/entendimiento`), lines `intención<TAB>ejemplo` after a header line
/// `intencion<TAB>ejemplo`; lines starting with `#` are comments. Loaded once at start; a
/// bad line stops the start with its file and line number.
public enum ExampleBank {
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Bounds for a bank file (it is data, but never trusted to be small).
    static let maxFileBytes = 2_000_000
    static let maxExamples = 20_000
    static let maxExampleCharacters = 300

    public static func load(directory: String) throws -> [IntentClassifier.Example] {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "tsv" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw LoadError(description: "no se pudo leer el banco de ejemplos en \(directory): \(error)")
        }
        guard !files.isEmpty else { throw LoadError(description: "\(directory) no tiene archivos .tsv de ejemplos") }
        var examples: [IntentClassifier.Example] = []
        for file in files {
            let data = try Data(contentsOf: file)
            guard data.count <= maxFileBytes else {
                throw LoadError(description: "\(file.lastPathComponent) pasa de \(maxFileBytes) bytes")
            }
            examples += try parse(String(decoding: data, as: UTF8.self), file: file.lastPathComponent)
            guard examples.count <= maxExamples else {
                throw LoadError(description: "el banco pasa de \(maxExamples) ejemplos")
            }
        }
        let missing = Intent.allCases.filter { intent in !examples.contains { $0.intent == intent } }
        guard missing.isEmpty else {
            throw LoadError(
                description: "el banco no tiene ejemplos de: \(missing.map(\.rawValue).joined(separator: ", "))")
        }
        return examples
    }

    public static func parse(_ text: String, file: String) throws -> [IntentClassifier.Example] {
        var examples: [IntentClassifier.Example] = []
        var sawHeader = false
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw LoadError(description: "\(file):\(number + 1): se esperaban 2 columnas separadas por tabulador")
            }
            if !sawHeader {
                guard fields[0] == "intencion", fields[1] == "ejemplo" else {
                    throw LoadError(description: "\(file):\(number + 1): falta el encabezado intencion<TAB>ejemplo")
                }
                sawHeader = true
                continue
            }
            guard let intent = Intent(rawValue: String(fields[0])) else {
                throw LoadError(description: "\(file):\(number + 1): intención desconocida «\(fields[0])»")
            }
            let example = fields[1].trimmingCharacters(in: .whitespaces)
            guard !example.isEmpty, example.count <= maxExampleCharacters else {
                throw LoadError(
                    description: "\(file):\(number + 1): ejemplo vacío o de más de \(maxExampleCharacters) caracteres")
            }
            examples.append(IntentClassifier.Example(intent, example))
        }
        return examples
    }
}
