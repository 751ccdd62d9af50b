import Foundation
import Support

/// OCR with Tesseract (`tesseract-ocr`, Spanish data `tesseract-ocr-spa`) run as a child
/// process with a time limit, one thread each (`OMP_THREAD_LIMIT=1`: the queue's
/// concurrency, not OpenMP, spreads the work over the cores).
public struct TesseractReader: ImageReader {
    public var executable: String
    /// Tesseract's `-l` ("spa", or "spa+eng").
    public var languages: String
    public var timeout: Duration

    public init(executable: String = "tesseract", languages: String = "spa", timeout: Duration = .seconds(60)) {
        self.executable = executable
        self.languages = languages
        self.timeout = timeout
    }

    public var source: ImageReading.Source { .ocr }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// Tesseract ran past the time limit (worth another try).
        case timedOut(Duration)
        /// Tesseract refused the file (not a readable image): retrying will not help.
        case failed(String)

        public var description: String {
            switch self {
            case .timedOut(let limit): "tesseract superó su tiempo límite (\(limit))"
            case .failed(let why): "tesseract no pudo leer la imagen: \(why)"
            }
        }
    }

    public func read(_ key: String, in store: any BlobStore, format: MediaFormat, caption: String) async throws
        -> ImageReading
    {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vendedor-ocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("texto.txt")
        let errors = scratch.appendingPathComponent("errores.txt")
        let outcome = try await store.withLocalFile(key) { file in
            let image = format == .jpeg ? try await upright(file, scratch: scratch) : file
            // --psm 3: automatic page segmentation (labels, lists and screenshots alike).
            return try await Subprocess.run(
                executable, [image.path, "stdout", "-l", languages, "--psm", "3"],
                environment: ["OMP_THREAD_LIMIT": "1"], stdout: output.path, stderr: errors.path, timeout: timeout)
        }
        if outcome.timedOut { throw Failure.timedOut(timeout) }
        guard outcome.succeeded else {
            let detail = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let lines = detail.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("Estimating resolution") }
            let why = lines.suffix(2).joined(separator: " ").prefix(300)
            throw Failure.failed(why.isEmpty ? "código de salida \(outcome.exitCode ?? -1)" : String(why))
        }
        let raw = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return ImageReading(text: OCRText.clean(raw), source: .ocr)
    }

    /// A JPEG whose EXIF orientation says it is stored turned (a phone photo) is turned
    /// upright with ImageMagick's `convert -auto-orient` (installed by ops/run): Tesseract
    /// reads raw pixels and fails on upside-down or sideways text. Without `convert`, or
    /// if it fails, the photo is read as stored.
    private func upright(_ file: URL, scratch: URL) async throws -> URL {
        let head = try await BlockingPool.shared.run {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            return [UInt8](try handle.read(upToCount: 128 * 1024) ?? Data())
        }
        guard let orientation = JPEGOrientation.read(head), orientation != 1 else { return file }
        let turned = scratch.appendingPathComponent("derecha.png")
        let outcome = try? await Subprocess.run(
            "convert", [file.path, "-auto-orient", turned.path], stderr: "/dev/null", timeout: timeout)
        return outcome?.succeeded == true ? turned : file
    }

    /// Whether the executable can be found (in PATH when it has no "/").
    public func isInstalled() -> Bool {
        if executable.contains("/") { return FileManager.default.isExecutableFile(atPath: executable) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(executable)")
        }
    }
}
