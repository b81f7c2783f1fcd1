/// Where a link or a form may send the person next: a path on this site only. `//host` and `/\host` are read by
/// browsers as another site, so a crafted `return=` would otherwise make this site an open redirect.
enum LocalPath {
    static func safe(_ target: String?, otherwise fallback: String) -> String {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\") else {
            return fallback
        }
        return target
    }
}
