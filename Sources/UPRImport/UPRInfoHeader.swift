/// Where each UPR Info column sits in a file, found by name so that any column order reads.
struct UPRInfoHeader: Sendable {
    /// The header cells as the file spells them.
    let names: [String]
    private let indexByColumn: [UPRInfoColumn: Int]

    init(fields: [String]) {
        names = fields.map { $0.trimmedWhitespace() }
        var indexByColumn: [UPRInfoColumn: Int] = [:]
        for (index, name) in fields.enumerated() {
            // The first of two same-named columns wins, as a person reading left to right would take it.
            if let column = UPRInfoColumn(header: name), indexByColumn[column] == nil {
                indexByColumn[column] = index
            }
        }
        self.indexByColumn = indexByColumn
    }

    /// The field index of a column, if the header has it.
    func index(of column: UPRInfoColumn) -> Int? { indexByColumn[column] }

    /// The header's name for a field index, for error messages.
    func name(ofField index: Int) -> String? {
        names.indices.contains(index) && !names[index].isEmpty ? names[index] : nil
    }

    /// The columns no record field comes from (the organisations' columns, and columns UPR Info does not have).
    var unusedFieldIndexes: [Int] {
        let used: [UPRInfoColumn] = [.to, .toRegionalGroup, .text, .from, .response, .action, .issue, .session]
        let usedIndexes = Set(used.compactMap { indexByColumn[$0] })
        return names.indices.filter { !usedIndexes.contains($0) }
    }

    /// How many columns UPR Info's own exports have in common with this header.
    var knownColumnCount: Int { indexByColumn.count }
}
