import Core
import Foundation

/// Images rendered during a test with ImageMagick's `convert` (apt: imagemagick; the font
/// is DejaVu Sans from fonts-dejavu-core): black text on white, as a label, a written list
/// or a screenshot would show it.
enum RenderedImage {
    static let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// The bytes of an image (`format`: "png", "jpg", "webp") showing `lines`.
    static func text(_ lines: [String], format: String = "png", pointSize: Int = 42) async throws -> Data {
        try await convert(
            [
                "-background", "white", "-fill", "black", "-font", font, "-pointsize", String(pointSize),
                "-bordercolor", "white", "-border", "40", "label:" + lines.joined(separator: "\n"),
            ], format: format)
    }

    /// A picture with no text: a grey gradient, a red disc and a dark bar (a product shot
    /// without a label).
    static func withoutText(format: String = "png") async throws -> Data {
        try await convert(
            [
                "-size", "640x480", "gradient:#d0d0d0-#ffffff", "-fill", "#c04020", "-draw", "circle 320,240 320,120",
                "-fill", "#303030", "-draw", "rectangle 100,380 540,420",
            ], format: format)
    }

    private static func convert(_ arguments: [String], format: String) async throws -> Data {
        let directory = TestPaths.temporaryDirectory("imagen")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("imagen.\(format)")
        let log = directory.appendingPathComponent("convert.log")
        guard let convert = executable("convert") else {
            throw TestFailure("no se encontró convert (ImageMagick); ops/test lo instala (apt: imagemagick)")
        }
        // Waited for off the cooperative pool: tests run in parallel on two threads.
        let outcome = try await Subprocess.run(
            convert, arguments + [output.path], stdout: log.path, stderr: log.path, timeout: .seconds(60))
        guard outcome.succeeded,
            let data = FileManager.default.contents(atPath: output.path)
        else {
            throw TestFailure("convert falló: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        return data
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
