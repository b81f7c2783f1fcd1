/// Percent-encoding of URI components over UTF-8, byte for byte, so the output does not depend on the
/// platform's Foundation.
enum PercentEncoding {
    /// Encodes every byte except RFC 3986 unreserved characters (`A–Z a–z 0–9 - . _ ~`) and those in `alsoAllowed`.
    ///
    /// Spaces become `%20`, never `+`: otpauth labels and URL paths are not form data.
    static func encode(_ text: String, alsoAllowed: Set<UInt8> = []) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || alsoAllowed.contains(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
