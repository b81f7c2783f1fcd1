import Foundation
import SQLKit
import UPRDomain
import UPRStore

/// The demo's discussion: on the domestic-violence recommendation whose plan entry the Ministry of Justice and Home
/// Affairs leads, a CSO proposal, the ministry's formal answer and the human rights commission's follow-up, the
/// dialogue the seed describes (CSOs propose, ministries answer). Loaded after the indicators, which create that
/// plan entry.
public enum DemoDiscussion {
    public static func load(on sql: any SQLDatabase) async throws {
        guard
            let recommendation = try await sql.raw(
                """
                SELECT r.id FROM recommendations r JOIN plan_entries p ON p.recommendation_id = r.id
                WHERE r.text LIKE 'Take effective measures to combat domestic violence%' ORDER BY r.id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { return }
        let accounts = AccountStore(sql)
        func principal(_ email: String) async throws -> Principal? {
            guard let user = try await accounts.user(email: email) else { return nil }
            return Principal(userID: user.id, role: user.role, organisationID: user.organisationID)
        }
        guard let cso = try await principal("cso@demo.upr"), let focal = try await principal("focal@demo.upr"),
            let nhri = try await principal("nhri@demo.upr")
        else { return }
        let store = CommentStore(sql)
        let subject = CommentSubject(.recommendation, recommendation)
        let proposal = try await store.post(
            CommentDraft(
                subject: subject,
                body: """
                    Proposal of the justice working group: after the revised Law against Domestic Violence (2016), \
                    fund a one-stop service centre in every aimag and train district police officers to register \
                    every reported case. We ask @ministry-of-justice-and-home-affairs which of these can be part of \
                    the 2017 budget.
                    """,
                author: cso), actor: "demo")
        let answer = try await store.post(
            CommentDraft(
                subject: subject, parentID: proposal.id,
                body: """
                    The Ministry agrees to train district police officers in 2017 with the Police Academy; the \
                    training plan will be shared with the working group by March. The one-stop centres need a \
                    budget line that is being discussed with the Ministry of Finance; we will report on it at the \
                    annual assessment meeting.
                    """,
                isFormalAnswer: true, author: focal), actor: "demo")
        _ = try await store.post(
            CommentDraft(
                subject: subject, parentID: answer.id,
                body: """
                    The Commission welcomes the training and offers its shelter monitoring data for 2016 as the \
                    baseline. @open-society-forum, could you share the results of your survey of survivors?
                    """,
                author: nhri), actor: "demo")
    }
}
