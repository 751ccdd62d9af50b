import Foundation
import Testing

@testable import Integrations

@Suite("Phone photos stored turned: EXIF orientation before OCR")
struct PhotoOrientationTests {
    @Test func theOrientationTagIsReadInBothByteOrders() async throws {
        let jpeg = try await RenderedImage.text(["CASCO"], format: "jpg")
        #expect(JPEGOrientation.read([UInt8](jpeg)) == nil)
        for orientation: UInt16 in [1, 3, 6, 8] {
            let little = RenderedImage.withOrientation(jpeg, orientation)
            let big = RenderedImage.withOrientation(jpeg, orientation, bigEndian: true)
            #expect(JPEGOrientation.read([UInt8](little)) == Int(orientation))
            #expect(JPEGOrientation.read([UInt8](big)) == Int(orientation))
        }
        let png = try await RenderedImage.text(["CASCO"], format: "png")
        #expect(JPEGOrientation.read([UInt8](png)) == nil)
        #expect(JPEGOrientation.read([0xFF, 0xD8, 0xFF]) == nil)  // cut short
    }

    /// An upside-down photo whose tag says "turn 180°" (how a phone stores it) is read
    /// upright; Tesseract alone reads the raw pixels and gets nothing useful.
    @Test(arguments: [(180, UInt16(3)), (90, UInt16(8))])
    func aTurnedPhotoIsReadUpright(rotate: Int, orientation: UInt16) async throws {
        let stored = try await RenderedImage.text(
            ["CASCO DE SEGURIDAD", "Referencia CS-200"], format: "jpg", rotate: rotate)
        let photo = RenderedImage.withOrientation(stored, orientation)
        let directory = TestPaths.temporaryDirectory("orientacion")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blobs = LocalBlobStore(directory: directory.path)
        let key = try await blobs.store(photo)
        let reading = try await TesseractReader().read(key, in: blobs, format: .jpeg, caption: "")
        #expect(reading.text.uppercased().contains("CASCO DE SEGURIDAD"), "\(reading.text)")
    }
}
