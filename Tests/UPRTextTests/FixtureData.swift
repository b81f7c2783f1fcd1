import Foundation
import UPRText

/// Real data excerpts committed under `Fixtures/` (see `benchmarks/text/make_fixtures.py`).
enum FixtureData {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// 891 real UPR Info rows: 594 from sessions 1-12, 297 from sessions 13-16.
    static let rows: [LabelledRecommendation] = try! LabelledRecommendation.load(
        files: [url("upr-info-excerpt.csv")])

    static var trainRows: [LabelledRecommendation] { rows.filter { ($0.session ?? 0) <= 12 } }
    static var testRows: [LabelledRecommendation] { rows.filter { ($0.session ?? 0) > 12 } }
}
