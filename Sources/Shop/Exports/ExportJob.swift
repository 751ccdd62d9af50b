import Foundation

/// Exports one resource to a CSV or XLSX file in the exports directory (`EXPORTS_DIR`); the
/// result is a signed download link (`ExportJob.Result`). Built by `ExportRequest` from what
/// the caller sent, so every value here was validated once already.
public struct ExportJob: Codable, Sendable, Equatable {
    public var resource: ExportResource
    public var format: ExportFormat
    public var filters: ExportFilters
    /// CSV field separator: "," (RFC 4180) or ";" (Excel with a Spanish locale).
    public var separator: String
    /// Starts the CSV with a UTF-8 byte order mark, so Excel reads accents right.
    public var bom: Bool

    public init(
        resource: ExportResource, format: ExportFormat = .csv, filters: ExportFilters = ExportFilters(),
        separator: String = ",", bom: Bool = false
    ) {
        self.resource = resource
        self.format = format
        self.filters = filters
        self.separator = separator
        self.bom = bom
    }

    /// What a finished export job answers.
    public struct Result: Codable, Sendable, Equatable {
        /// `/exportar/descargas/<signed token>`: works without a bearer token until `expira`.
        public var url: String
        /// ISO 8601 instant after which the link and the file are gone.
        public var expires: String
        public var rows: Int
        public var bytes: Int
        /// The file name the download gets.
        public var file: String

        public init(url: String, expires: String, rows: Int, bytes: Int, file: String) {
            self.url = url
            self.expires = expires
            self.rows = rows
            self.bytes = bytes
            self.file = file
        }

        enum CodingKeys: String, CodingKey {
            case url
            case expires = "expira"
            case rows = "filas"
            case bytes
            case file = "archivo"
        }
    }

    enum CodingKeys: String, CodingKey {
        case resource = "recurso"
        case format = "formato"
        case filters = "filtros"
        case separator = "separador"
        case bom
    }
}
