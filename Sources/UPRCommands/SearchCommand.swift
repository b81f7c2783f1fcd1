import ArgumentParser
import Foundation
import UPRApp
import UPRStore

/// `upr search`: full-text search from the terminal, with the same filters as the web list.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search recommendations by text.")

    @Argument(help: "Words to search for (\"quoted phrases\", OR and -exclusions work).") var query: String
    @Option(help: "Only recommendations to this state.") var state: String?
    @Option(help: "Only this response: supported, noted or pending.") var response: String?
    @Option(help: "Only this cycle (1-4).") var cycle: String?
    @Option(help: "Only this mechanism: upr, a treaty body (cedaw, crc, ...), special-procedures, or treaty-bodies.")
    var mechanism: String?
    @Option(help: "Only records of the document with this UN symbol (e.g. CEDAW/C/MNG/CO/8-9).") var symbol: String?
    @Option(
        help: "Only records of this body as UHRI names it (e.g. \"Committee against Torture\", CRC-OP-SC), in any case."
    )
    var body: String?
    @Option(help: "Only records linked to this SDG target (one of the 169, e.g. 16.3 or 16.a).") var sdgTarget: String?
    @Flag(help: "Only recommendations made to the state again (similar text, another cycle or mechanism).")
    var recurring = false
    @Option(help: "How many results (at most 100).") var limit: Int = 20
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
        var parameters = ["q": query, "per": String(limit)]
        if let state { parameters["state"] = state }
        if let response { parameters["response"] = response }
        if let cycle { parameters["cycle"] = cycle }
        if let mechanism { parameters["mechanism"] = mechanism }
        if let symbol { parameters["symbol"] = symbol }
        if let body { parameters["body"] = body }
        if let sdgTarget { parameters["sdgTarget"] = sdgTarget }
        if recurring { parameters["recurring"] = "true" }
        let filter: RecommendationFilter
        do {
            filter = try RecommendationFilter(parameters: parameters)
        } catch {
            throw ValidationError(error.description)
        }
        let page = try await withApplication(database.settings()) { app in
            try await RecommendationSearch.run(filter, on: app.sql())
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(page), as: UTF8.self))
            return
        }
        print("\(page.total) found")
        for item in page.items {
            let reference = item.paragraph.map { " \($0)" } ?? ""
            // A concern or observation has no response; its kind says what it is.
            let status = item.kind == .concernObservation ? item.kind.rawValue : item.response.rawValue
            print("[\(item.id)] \(item.stateUnderReview)\(reference) (\(status)): \(item.text)")
        }
    }
}
