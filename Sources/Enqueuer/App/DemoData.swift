import Core
import Foundation
import Logging

/// Loads the demo catalog and company text (`data/`) into an empty database at start-up.
enum DemoData {
    static func seedIfEmpty(_ database: AppDatabase, directory: String = "data", logger: Logger) async throws {
        let catalog = (try? String(contentsOfFile: "\(directory)/catalogo.csv", encoding: .utf8)) ?? ""
        let company = (try? String(contentsOfFile: "\(directory)/contexto_empresa.md", encoding: .utf8)) ?? ""
        let result = try await database.perform { try $0.seedIfEmpty(catalogCSV: catalog, companyText: company) }
        if result.productos > 0 {
            logger.info("Catálogo de demostración cargado: \(result.productos) productos")
        }
        if !result.errores.isEmpty {
            logger.warning("El catálogo de demostración tiene \(result.errores.count) filas con errores")
        }
    }
}
