import UPRStore

/// Links in mails: the site's public address in front of a path.
enum SiteLinks {
    static func absolute(_ path: String, _ settings: AppSettings) -> String {
        var base = settings.publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
