/// Exports one resource to a CSV or XLSX file in the exports directory (`EXPORTS_DIR`); the
/// result is a signed download link (`ExportJob.Result`). Built by `ExportRequest` from what
/// the caller sent, so every value here was validated once already.
public struct ExportJob: JobPayload, Equatable {
    public static let kind = "exportar"
    public static let queue = "exportar"

    public var recurso: ExportResource
    public var formato: ExportFormat
    public var filtros: ExportFilters
    /// CSV field separator: "," (RFC 4180) or ";" (Excel with a Spanish locale).
    public var separador: String
    /// Starts the CSV with a UTF-8 byte order mark, so Excel reads accents right.
    public var bom: Bool

    public init(
        recurso: ExportResource, formato: ExportFormat = .csv, filtros: ExportFilters = ExportFilters(),
        separador: String = ",", bom: Bool = false
    ) {
        self.recurso = recurso
        self.formato = formato
        self.filtros = filtros
        self.separador = separador
        self.bom = bom
    }

    /// What a finished export job answers.
    public struct Result: Codable, Sendable, Equatable {
        /// `/exportar/descargas/<signed token>`: works without a bearer token until `expira`.
        public var url: String
        /// ISO 8601 instant after which the link and the file are gone.
        public var expira: String
        public var filas: Int
        public var bytes: Int
        /// The file name the download gets.
        public var archivo: String

        public init(url: String, expira: String, filas: Int, bytes: Int, archivo: String) {
            self.url = url
            self.expira = expira
            self.filas = filas
            self.bytes = bytes
            self.archivo = archivo
        }
    }
}
