/// Where the exporter's rows go, one cell at a time, in column order. Implementations write
/// bytes straight into a `FileByteWriter` (the exporter is generic over them, so the calls
/// are specialized and inlined in the row loop).
protocol TableSink: AnyObject {
    func header(_ columns: [ExportColumn])
    func beginRow()
    func integer(_ value: Int64)
    /// UTF-8 text from the database (`length` may be 0).
    func text(_ bytes: UnsafePointer<UInt8>, _ length: Int)
    func timestamp(_ time: ShopTime)
    func empty()
    func endRow()
}

/// Cells that a spreadsheet would read as a formula: they begin with `=`, `+`, `-` or `@`
/// (or a tab or carriage return, which some programs skip before looking).
enum FormulaGuard {
    @inline(__always) static func isRisky(_ first: UInt8) -> Bool {
        first == 61 || first == 43 || first == 45 || first == 64 || first == 9 || first == 13
    }
}

/// The bytes of "sí" and "no", for flag columns.
enum FlagText {
    static let yes: StaticString = "sí"
    static let no: StaticString = "no"
}
