import ArgumentParser
import Foundation
import UPRApp
import UPRDomain
import UPRStore

/// `upr stats`: what the registry holds.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count recommendations by response, cycle, mechanism, cluster and state.")

    @OptionGroup var database: DatabaseOption
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
        let stats = try await withApplication(database.settings()) { app in
            try await RegistryStatistics.load(on: app.sql())
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
            return
        }
        print(StatsReport.text(stats))
    }
}

/// The plain-text form of the statistics.
enum StatsReport {
    static func text(_ stats: RegistryStatistics) -> String {
        var lines = [
            "Recommendations: \(stats.recommendations)",
            "Voluntary pledges: \(stats.voluntaryPledges)",
            "Concerns and observations: \(stats.concernsObservations)",
            "States: \(stats.states)",
            "By response: "
                + ["supported", "noted", "pending"].map { "\($0) \(stats.byResponse[$0] ?? 0)" }
                .joined(separator: ", "),
            "By cycle: "
                + stats.byCycle.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                .joined(separator: ", "),
            "By mechanism: " + mechanisms(stats.byMechanism),
            "Concerns and observations by mechanism: " + mechanisms(stats.concernsByMechanism),
            "By cluster: "
                + RegistryStatistics.ranked(stats.byCluster).map { "\($0.key) \($0.count)" }
                .joined(separator: ", "),
            "Top states:",
        ]
        lines += RegistryStatistics.ranked(stats.byState).prefix(10).map { "  \($0.key): \($0.count)" }
        return lines.joined(separator: "\n")
    }

    /// In the mechanisms' own order (the UPR, the treaty bodies, the special procedures), none when empty.
    private static func mechanisms(_ counts: [String: Int]) -> String {
        let known = Mechanism.allCases.compactMap { mechanism in
            counts[mechanism.rawValue].map { "\(mechanism.rawValue) \($0)" }
        }
        return known.isEmpty ? "none" : known.joined(separator: ", ")
    }
}
