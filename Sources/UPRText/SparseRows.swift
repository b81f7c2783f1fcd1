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
