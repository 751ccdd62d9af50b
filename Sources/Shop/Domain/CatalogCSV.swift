import Foundation
import SpanishText

/// Reads the demo catalog format: a header `id,nombre,descripcion,precio,stock,activo,categoria`
/// (any order; `descripcion`, `activo` and `categoria` optional) and one product per record.
/// Every row is validated; good rows are returned, bad ones become `RowError`s.
public enum CatalogCSV {
    public static let header = ["id", "nombre", "descripcion", "precio", "stock", "activo", "categoria"]
    static let requiredColumns = ["id", "nombre", "precio", "stock"]

    /// Decodes UTF-8 (with or without BOM), falling back to Latin-1 for old spreadsheet exports.
    public static func parse(_ data: Data) -> CatalogParseResult {
        if let text = String(validating: data, as: UTF8.self) { return parse(text) }
        return parse(String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) })))
    }

    public static func parse(_ text: String) -> CatalogParseResult {
        let records = CSVReader.records(in: text, delimiter: CSVReader.delimiter(forHeaderOf: text))
        guard let headerRecord = records.first else {
            return failure(1, nil, "El archivo está vacío; se esperaba el encabezado \(header.joined(separator: ",")).")
        }
        var columns: [String: Int] = [:]
        for (position, name) in headerRecord.fields.enumerated() {
            let key = TextFold.fold(name.trimmingWhitespace())
            if columns[key] != nil { return failure(1, key, "La columna «\(key)» aparece dos veces en el encabezado.") }
            columns[key] = position
        }
        let missing = requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            let errors = missing.map {
                RowError(row: 1, field: $0, message: "Falta la columna «\($0)» en el encabezado.")
            }
            return CatalogParseResult(rows: [], errors: errors)
        }
        var result = CatalogParseResult(rows: [], errors: [])
        var firstLineOfId: [Int64: Int] = [:]
        for record in records.dropFirst() {
            switch parseRow(record, columns: columns, width: headerRecord.fields.count) {
            case .success(let row):
                if let earlier = firstLineOfId[row.product.id] {
                    result.errors.append(
                        RowError(
                            row: row.row, field: "id",
                            message: "El id \(row.product.id) ya apareció en la fila \(earlier).",
                            id: row.product.id))
                } else {
                    firstLineOfId[row.product.id] = row.row
                    result.rows.append(row)
                }
            case .failure(let errors):
                result.errors.append(contentsOf: errors.list)
            }
        }
        return result
    }

    struct RowErrors: Error {
        var list: [RowError]
    }

    private static func parseRow(_ record: CSVRecord, columns: [String: Int], width: Int) -> Result<
        CatalogRow, RowErrors
    > {
        let row = record.line
        if record.unterminatedQuote {
            return .failure(
                RowErrors(list: [RowError(row: row, field: nil, message: "Hay comillas sin cerrar desde esta fila.")])
            )
        }
        let extra = record.fields.dropFirst(width)
        if record.fields.count < width || extra.contains(where: { !$0.trimmingWhitespace().isEmpty }) {
            let message =
                "La fila tiene \(record.fields.count) columnas y el encabezado \(width); "
                + "si un texto lleva comas, enciérrelo entre comillas."
            return .failure(RowErrors(list: [RowError(row: row, field: nil, message: message)]))
        }
        func cell(_ name: String) -> String? { columns[name].map { record.fields[$0] } }

        var check = ValidationCollector()
        var id: Int64?
        if let value = check.check(try Validation.wholeNumber(parsing: cell("id") ?? "", field: "id")) {
            if value > 0 {
                id = Int64(value)
            } else {
                check.add(field: "id", "El id debe ser un número entero positivo.")
            }
        }
        let input = ProductInput(
            id: id, name: cell("nombre") ?? "", description: cell("descripcion"),
            price: check.check(try Validation.wholeNumber(parsing: cell("precio") ?? "", field: "precio")) ?? 0,
            stock: check.check(try Validation.wholeNumber(parsing: cell("stock") ?? "", field: "stock")) ?? 0,
            active: check.check(try Validation.flag(parsing: cell("activo") ?? "", field: "activo")) ?? true,
            category: cell("categoria"))
        var product: Product?
        do {
            product = try input.validated()
        } catch {
            error.errors.filter { $0.field != "id" }.forEach { check.add($0) }
        }
        do {
            try check.finish()
        } catch {
            return .failure(
                RowErrors(
                    list: error.errors.map { RowError(row: row, field: $0.field, message: $0.message, id: id) }))
        }
        return .success(CatalogRow(row: row, product: product!))
    }

    private static func failure(_ row: Int, _ field: String?, _ message: String) -> CatalogParseResult {
        CatalogParseResult(rows: [], errors: [RowError(row: row, field: field, message: message)])
    }
}
