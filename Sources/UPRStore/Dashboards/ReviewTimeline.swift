import Foundation
import SQLKit
import UPRDomain

/// The dates on the road from a state's latest review to its next: the review, the assessment rounds held since,
/// the mid-term report and the next review.
public struct ReviewTimeline: Sendable, Equatable {
    public struct Round: Sendable, Equatable {
        public var title: String
        public var heldOn: Date
    }
    public var reviewDate: Date?
    public var cycle: Int?
    public var reportSymbol: String?
    public var midTermReport: Date?
    public var nextReview: Date?
    public var rounds: [Round]

    public static func load(stateID: Int, closedRoundsOnly: Bool, on sql: any SQLDatabase) async throws
        -> ReviewTimeline
    {
        let review = try await sql.raw(
            """
            SELECT review_date, cycle, report_symbol FROM reviews
            WHERE state_id = \(bind: stateID) AND review_date IS NOT NULL ORDER BY review_date DESC LIMIT 1
            """
        ).first()
        let reviewDate = try review.flatMap { try Self.day($0.decode(column: "review_date", as: String.self)) }
        let closed = closedRoundsOnly ? " AND status = 'closed'" : ""
        let rounds = try await sql.raw(
            """
            SELECT title, held_on FROM assessment_rounds WHERE state_id = \(bind: stateID)\(unsafeRaw: closed)
            ORDER BY held_on
            """
        ).all().compactMap { row -> Round? in
            guard let date = Self.day(try row.decode(column: "held_on", as: String.self)) else { return nil }
            return Round(title: try row.decode(column: "title", as: String.self), heldOn: date)
        }
        return ReviewTimeline(
            reviewDate: reviewDate, cycle: try review?.decode(column: "cycle", as: Int?.self),
            reportSymbol: try review?.decode(column: "report_symbol", as: String?.self),
            midTermReport: reviewDate.map(ReviewCalendar.midTermReport(after:)),
            nextReview: reviewDate.map(ReviewCalendar.nextReview(after:)),
            // Rounds of earlier reviews belong to an earlier road.
            rounds: rounds.filter { round in reviewDate.map { round.heldOn >= $0 } ?? true })
    }

    static func day(_ text: String) -> Date? { Timestamp.date(String(text.prefix(10)) + "T00:00:00Z") }
}
