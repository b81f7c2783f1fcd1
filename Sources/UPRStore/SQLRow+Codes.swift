import SQLKit

extension SQLRow {
    /// A column that holds one of the domain's codes (its raw value), as the domain's type: read models carry the
    /// enum, so no page parses the string again.
    func decodeCode<Code: RawRepresentable>(_ type: Code.Type, column: String) throws -> Code
    where Code.RawValue == String {
        let raw = try decode(column: column, as: String.self)
        guard let code = Code(rawValue: raw) else { throw StoreError.unknownCode(column: column, value: raw) }
        return code
    }
}
