/// One fitted linear scorer (weights and intercept), as `LinearSVMBank` returns it.
struct LinearSVM: Sendable {
    /// Weight per feature.
    var weights: [Float]
    /// Intercept.
    var bias: Float

    /// Decision value of one CSR row of `rows`.
    func score(_ rows: SparseRows, row: Int) -> Float {
        var sum = bias
        for entry in rows.start[row]..<rows.start[row + 1] {
            sum += weights[Int(rows.columns[entry])] * rows.values[entry]
        }
        return sum
    }
}
