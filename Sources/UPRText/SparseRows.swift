/// Rows of sparse vectors in one contiguous CSR layout: row `r` holds `columns[start[r]..<start[r+1]]`.
struct SparseRows: Sendable {
    /// Offsets into `columns`/`values`; `count + 1` entries.
    var start: [Int] = [0]
    /// Column indices, ascending within a row.
    var columns: [Int32] = []
    /// Values parallel to `columns`.
    var values: [Float] = []

    /// Number of rows.
    var count: Int { start.count - 1 }

    /// Appends a row whose columns are already ascending.
    mutating func append(columns rowColumns: [Int32], values rowValues: [Float]) {
        columns.append(contentsOf: rowColumns)
        values.append(contentsOf: rowValues)
        start.append(columns.count)
    }
}

extension SparseRows {
    /// The same rows without the columns `keep` rejects.
    func keepingColumns(_ keep: (Int32) -> Bool) -> SparseRows {
        var result = SparseRows()
        result.columns.reserveCapacity(columns.count)
        result.values.reserveCapacity(values.count)
        for row in 0..<count {
            for entry in start[row]..<start[row + 1] where keep(columns[entry]) {
                result.columns.append(columns[entry])
                result.values.append(values[entry])
            }
            result.start.append(result.columns.count)
        }
        return result
    }
}

extension SparseRows {
    /// A permutation of the columns by falling number of entries (ties by column): `newIndex[old]` and its
    /// inverse `oldIndex[new]`.
    func columnsByFrequency(columnCount: Int) -> (newIndex: [Int32], oldIndex: [Int32]) {
        var frequency = [Int](repeating: 0, count: columnCount)
        for column in columns { frequency[Int(column)] += 1 }
        let oldIndex = (0..<columnCount).sorted {
            frequency[$0] != frequency[$1] ? frequency[$0] > frequency[$1] : $0 < $1
        }.map { Int32($0) }
        var newIndex = [Int32](repeating: 0, count: columnCount)
        for (new, old) in oldIndex.enumerated() { newIndex[Int(old)] = Int32(new) }
        return (newIndex, oldIndex)
    }

    /// The same rows with column `c` renamed `newIndex[c]` (each row's columns sorted again).
    func renumberingColumns(_ newIndex: [Int32]) -> SparseRows {
        var result = SparseRows()
        result.columns.reserveCapacity(columns.count)
        result.values.reserveCapacity(values.count)
        for row in 0..<count {
            let entries = (start[row]..<start[row + 1]).map { (newIndex[Int(columns[$0])], values[$0]) }
                .sorted { $0.0 < $1.0 }
            result.append(columns: entries.map(\.0), values: entries.map(\.1))
        }
        return result
    }
}
