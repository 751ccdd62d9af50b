import Foundation

@testable import Support

/// Images rendered during a test with ImageMagick's `convert` (apt: imagemagick; the font
/// is DejaVu Sans from fonts-dejavu-core): black text on white, as a label, a written list
/// or a screenshot would show it.
enum RenderedImage {
    static let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// The bytes of an image (`format`: "png", "jpg", "webp") showing `lines`, turned by
    /// `rotate` degrees clockwise.
    static func text(_ lines: [String], format: String = "png", pointSize: Int = 42, rotate: Int = 0)
        async throws -> Data
    {
        try await convert(
            [
                "-background", "white", "-fill", "black", "-font", font, "-pointsize", String(pointSize),
                "-bordercolor", "white", "-border", "40", "label:" + lines.joined(separator: "\n"),
                "-rotate", String(rotate),
            ], format: format)
    }

    /// A JPEG with an EXIF orientation tag (APP1 "Exif", IFD0 with tag 0x0112) inserted after
    /// its start marker, as phones write it; `bigEndian` picks the TIFF byte order.
    static func withOrientation(_ jpeg: Data, _ orientation: UInt16, bigEndian: Bool = false) -> Data {
        func u16(_ value: UInt16) -> [UInt8] {
            bigEndian ? [UInt8(value >> 8), UInt8(value & 0xFF)] : [UInt8(value & 0xFF), UInt8(value >> 8)]
        }
        func u32(_ value: UInt32) -> [UInt8] {
            bigEndian
                ? u16(UInt16(value >> 16)) + u16(UInt16(value & 0xFFFF))
                : u16(UInt16(value & 0xFFFF)) + u16(UInt16(value >> 16))
        }
        let tiff: [UInt8] =
            (bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]) + u16(42) + u32(8)  // header, IFD0 at 8
            + u16(2)  // two entries: an unrelated one first, then the orientation
            + u16(0x010F) + u16(2) + u32(4) + [0x4C, 0x47, 0x00, 0x00]  // Make = "LG"
            + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]
            + u32(0)  // no next IFD
        let payload: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0] + tiff
        let length = UInt16(payload.count + 2)
        let segment: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        var bytes = [UInt8](jpeg)
        bytes.insert(contentsOf: segment, at: 2)
        return Data(bytes)
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
