/// What an import of the old system's database did (or, in a dry run, would do): per
/// table, rows read and how each ended, and every row skipped or changed on the way, with
/// the reason, so nothing is dropped silently.
public struct LegacyImportReport: Sendable, Equatable {
    public struct Tally: Sendable, Equatable {
        public var table: String
        public var read = 0
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var skipped = 0
    }

    public var tallies: [Tally] = []
    /// One line per skipped row or adjusted value ("ventas 5: precio 150.99 redondeado a $151").
    public var notes: [String] = []
    public var dryRun = false

    mutating func tally(_ table: String, _ change: (inout Tally) -> Void) {
        if let index = tallies.firstIndex(where: { $0.table == table }) {
            change(&tallies[index])
        } else {
            var tally = Tally(table: table)
            change(&tally)
            tallies.append(tally)
        }
    }

    public func tally(_ table: String) -> Tally? { tallies.first { $0.table == table } }

    /// The summary table printed at the end (Spanish, for the operator).
    public var table: String {
        let header = ["tabla", "leídas", "creadas", "actualizadas", "sin cambios", "omitidas"]
        let rows = tallies.map { t in
            [t.table, String(t.read), String(t.created), String(t.updated), String(t.unchanged), String(t.skipped)]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0
                    ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n")
    }
}
