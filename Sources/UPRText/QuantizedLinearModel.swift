/// One linear scorer as the model file stores it: Int8 weight levels times a per-label scale, sparse.
///
/// Weights that round to level 0 are simply absent, which is what keeps the shipped file small.
struct QuantizedLinearModel: Sendable, Equatable {
    /// Intercept, kept at full precision.
    var bias: Float
    /// Weight of one Int8 level.
    var scale: Float
    /// Feature indices with a non-zero level, ascending.
    var indices: [Int32]
    /// Levels parallel to `indices`, in -127...127.
    var levels: [Int8]

    /// Quantizes dense weights: the largest magnitude becomes level ±127.
    init(weights: [Float], bias: Float) {
        self.bias = bias
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        scale = largest > 0 ? largest / 127 : 1
        indices = []
        levels = []
        for (index, weight) in weights.enumerated() {
            let level = (weight / scale).rounded()
            if level != 0 {
                indices.append(Int32(index))
                levels.append(Int8(max(-127, min(127, level))))
            }
        }
    }

    init(bias: Float, scale: Float, indices: [Int32], levels: [Int8]) {
        self.bias = bias
        self.scale = scale
        self.indices = indices
        self.levels = levels
    }

    func write(to writer: inout ByteWriter) {
        writer.write(bias)
        writer.write(scale)
        writer.writeVarint(indices.count)
        var previous: Int32 = -1
        for index in indices {
            writer.writeVarint(Int(index - previous))
            previous = index
        }
        writer.write(raw: levels.map { UInt8(bitPattern: $0) })
    }

    static func read(from reader: inout ByteReader, featureCount: Int) throws -> QuantizedLinearModel {
        let bias = try reader.readFloat()
        let scale = try reader.readFloat()
        let count = try reader.readVarint()
        guard count <= featureCount else { throw ModelFileError.malformed("too many weights") }
        var indices: [Int32] = []
        indices.reserveCapacity(count)
        var previous = -1
        for _ in 0..<count {
            previous += try reader.readVarint()
            guard previous < featureCount else { throw ModelFileError.malformed("weight index out of range") }
            indices.append(Int32(previous))
        }
        let levels = try reader.readRaw(count).map { Int8(bitPattern: $0) }
        return QuantizedLinearModel(bias: bias, scale: scale, indices: indices, levels: levels)
    }
}
