import Foundation
import Testing
import UPRDemo
import VaporTesting

/// Crawls the whole served demo as each kind of person, from the home page: follows every link on every page it
/// reaches and checks every form's action. It fails on a link or form to an address no route serves, on a 404 it
/// did not expect, on a link the person is then refused (403: the page offered what the rules forbid), and on any
/// 5xx. So a link written by hand that drifts from the route table, or from `Authorization`, is found here.
@Suite struct SiteCrawlTests {
    /// The people: the public and one of each demo account.
    static let people: [String?] = [nil] + DemoData.accounts.map(\.email)

    @Test(arguments: TestDatabase.allCases)
    func everyLinkAndFormLeadsToARoute(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await DemoIndicators.load(on: try app.sql())
            try await DemoDiscussion.load(on: try app.sql())
            let routes = RouteTable(app.routes)
            var problems: [String] = []
            var pagesSeen = 0
            for person in Self.people {
                var browser = Browser.anonymous
                if let person { browser = try await Browser.signIn(app, email: person) }
                let crawl = try await Crawl.run(app, browser: browser, routes: routes)
                pagesSeen += crawl.pages
                problems += crawl.problems.map { "\(person ?? "public"): \($0)" }
                // Every kind of person reaches more than a handful of pages (a broken home page would not).
                #expect(crawl.pages > 20, "\(person ?? "public") reached \(crawl.pages) pages")
            }
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            #expect(pagesSeen > 300)
        }
    }
}

/// The registered routes, to tell which pattern an address belongs to and which methods it takes.
struct RouteTable {
    let routes: [(path: [PathComponent], method: HTTPMethod)]

    init(_ routes: Routes) { self.routes = routes.all.map { ($0.path, $0.method) } }

    /// The pattern (`/plan/entries/:id`) an address matches for `method`, or nil when no route serves it.
    func pattern(_ path: String, method: HTTPMethod) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for route in routes where route.method == method && Self.matches(route.path, segments) {
            return "/" + route.path.map(\.description).joined(separator: "/")
        }
        return nil
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall: return index < segments.count
            case .anything, .parameter: guard index < segments.count else { return false }
            case .constant(let constant):
                guard index < segments.count, segments[index] == constant else { return false }
            }
            index += 1
        }
        return index == segments.count
    }
}

/// One person's crawl: breadth first from `/`, at most a few addresses per route pattern (the demo has 131
/// recommendation pages; three of them say as much about the links as all of them).
struct Crawl {
    var pages = 0
    var problems: [String] = []

    static let perPattern = 3

    static func run(_ app: Application, browser: Browser, routes: RouteTable) async throws -> Crawl {
        var crawl = Crawl()
        var queue = ["/"]
        var seen: Set<String> = ["/"]
        var visitsPerPattern: [String: Int] = [:]
        var formsChecked: Set<String> = []
        while !queue.isEmpty {
            let target = queue.removeFirst()
            let path = String(target.prefix { $0 != "?" })
            guard let pattern = routes.pattern(path, method: .GET) else {
                crawl.problems.append("link to \(target): no route serves it")
                continue
            }
            visitsPerPattern[pattern, default: 0] += 1
            guard visitsPerPattern[pattern, default: 0] <= perPattern else { continue }
            let response = try await browser.get(app, target)
            crawl.pages += 1
            let status = response.status.code
            if status >= 500 || status == 404 || status == 405 || status == 403 {
                crawl.problems.append("GET \(target): \(status)")
                continue
            }
            guard response.headers.contentType?.subType == "html" else { continue }
            let html = response.body.string
            for link in Self.links(in: html, attribute: "href") where seen.insert(link).inserted {
                queue.append(link)
            }
            for form in Self.forms(in: html) where formsChecked.insert(form.method + " " + form.action).inserted {
                let path = String(form.action.prefix { $0 != "?" })
                if routes.pattern(path, method: form.method == "POST" ? .POST : .GET) == nil {
                    crawl.problems.append("form on \(target) to \(form.method) \(form.action): no route serves it")
                }
            }
        }
        return crawl
    }

    /// The site's own addresses among an attribute's values (`href="/…"`), entities decoded, fragments dropped.
    static func links(in html: String, attribute: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        let marker = attribute + "=\"/"
        while let start = rest.range(of: marker) {
            let value = rest[rest.index(before: start.upperBound)...].prefix { $0 != "\"" }
            rest = rest[start.upperBound...]
            var link = String(value).replacingOccurrences(of: "&amp;", with: "&")
            if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
            // `//host` leaves the site; the crawl stays on it.
            if !link.isEmpty, !link.hasPrefix("//") { found.append(link) }
        }
        return found
    }

    /// Every form's method and action (a form without an action posts to its own page, which is served).
    static func forms(in html: String) -> [(method: String, action: String)] {
        var found: [(String, String)] = []
        var rest = html[...]
        while let start = rest.range(of: "<form") {
            let tag = rest[start.upperBound...].prefix { $0 != ">" }
            rest = rest[start.upperBound...]
            let text = String(tag)
            guard let actions = links(in: text, attribute: "action").first else { continue }
            let method = text.range(of: "method=\"post\"", options: .caseInsensitive) == nil ? "GET" : "POST"
            found.append((method, actions))
        }
        return found
    }
}
