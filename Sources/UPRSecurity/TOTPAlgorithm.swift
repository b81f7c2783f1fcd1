import Crypto

extension TOTP {
    /// The HMAC hash behind the codes; authenticator apps all support SHA-1, fewer support the others.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case sha1 = "SHA1"
        case sha256 = "SHA256"
        case sha512 = "SHA512"

        /// HMAC of `message` under `key` with this hash.
        func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
            let symmetricKey = SymmetricKey(data: key)
            switch self {
            // RFC 6238 mandates HMAC-SHA-1; SHA-1's collision weakness does not affect HMAC.
            case .sha1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: symmetricKey))
            case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: symmetricKey))
            case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: symmetricKey))
            }
        }
    }
}
