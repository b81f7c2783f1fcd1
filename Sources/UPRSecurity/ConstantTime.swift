/// Byte comparison whose running time depends only on the lengths, never on where the inputs first differ.
///
/// A plain `==` returns at the first differing byte, so the time it takes tells an attacker how many leading
/// bytes of a guess were right; comparing secrets (TOTP codes, CSRF tokens) that way lets them be guessed byte
/// by byte.
enum ConstantTime {
    /// True when both byte sequences are identical; the length of the longer input is the only thing timed.
    static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        let left = Array(lhs)
        let right = Array(rhs)
        // Fold the length difference into the accumulator instead of returning early, and walk the longer
        // input in full, so unequal lengths take as long as equal ones of that size.
        var difference = UInt64(truncatingIfNeeded: left.count ^ right.count)
        let length = max(left.count, right.count)
        for index in 0..<length {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= UInt64(a ^ b)
        }
        return difference == 0
    }

    /// True when both strings have the same UTF-8 bytes (no Unicode normalisation: tokens are ASCII).
    static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
