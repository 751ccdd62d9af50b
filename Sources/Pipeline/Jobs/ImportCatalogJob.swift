import JobEngine
import Shop

/// Imports an uploaded catalog CSV. The file lives in the uploads directory (`UPLOADS_DIR`);
/// the payload carries only its name.
public struct ImportCatalogJob: JobPayload, Equatable {
    public static let kind = "catalogo.importar"
    public static let queue = "importar"

    /// File name inside the uploads directory ("<uuid>.csv"); never a path.
    public var file: String
    /// "fusionar" or "reemplazar" (`ImportMode`).
    public var mode: String
    /// Size of the upload in bytes, for the operator.
    public var bytes: Int

    public init(file: String, mode: ImportMode, bytes: Int) {
        self.file = file
        self.mode = mode.rawValue
        self.bytes = bytes
    }

    /// True for names the front end generates: no path separators, no dot files.
    public static func isSafeFileName(_ name: String) -> Bool { SafeFileName.isSafe(name) }

    enum CodingKeys: String, CodingKey {
        case file = "archivo"
        case mode = "modo"
        case bytes
    }
}
