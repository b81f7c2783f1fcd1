/// The guard on every `return=` destination: only a path of this site that a page (a `GET` in the route table) serves.
/// Anything else, another host (`//evil.example`, `https:`), a backslash some browsers read as a slash, or an
/// address no route answers, goes to `fallback`, so a crafted link can neither send anyone elsewhere nor land on an
/// error.
enum LocalPath {
    static func safe(_ target: String?, otherwise fallback: SiteRoute) -> String {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\") else {
            return fallback.href
        }
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard Endpoint.serving(path, method: .GET) != nil else { return fallback.href }
        return target
    }
}
