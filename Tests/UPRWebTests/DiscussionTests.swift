import Foundation
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

/// The recommendation 108.42 with a plan entry of the justice group led by the Ministry of Justice and Home Affairs
/// (whose focal point is the demo's `focal@demo.upr`); returns the recommendation and the entry.
func discussionFixture(_ app: Application) async throws -> (recommendation: Int, entry: Int) {
    let recommendation = try await recommendationID(app, paragraph: "108.42")
    var fields = PlanEntryFields()
    fields.goal = "Anti-discrimination law"
    fields.leadOrganisationID = try await organisationID(app, "Ministry of Justice and Home Affairs")
    let entry = try await PlanStore(try app.sql()).create(
        recommendationID: recommendation, workingGroupID: try await justiceGroupID(app), fields: fields, userID: nil,
        actor: "test")
    return (recommendation, entry)
}

/// Posts a comment through the form; returns the response.
func postComment(
    _ app: Application, _ browser: Browser, _ path: String, body: String, parent: Int? = nil,
    visibility: String = "public", formal: Bool = false
) async throws -> TestingHTTPResponse {
    var fields = [("body", body), ("visibility", visibility)]
    if let parent { fields.append(("parentID", String(parent))) }
    if formal { fields.append(("formal", "1")) }
    return try await browser.post(app, path, fields)
}

/// The id of the comment a successful post redirected to (`…#comment-N`).
func postedID(_ response: TestingHTTPResponse) throws -> Int {
    #expect(response.status == .seeOther, "\(response.status) \(response.body.string)")
    let location = try #require(response.headers.first(name: .location))
    return try #require(Int(location.components(separatedBy: "#comment-").last ?? ""))
}

@Suite struct DiscussionTests {
    /// The seed's dialogue: a CSO proposes, mentioning the ministry and a person; the ministry's focal point answers
    /// formally; others reply. The thread reads in order with its nesting, and each person concerned hears of it.
    @Test(arguments: TestDatabase.allCases)
    func proposalFormalAnswerRepliesAndNotices(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (rec, _) = try await discussionFixture(app)
            let path = "/recommendations/\(rec)/comments"
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let nhri = try await Browser.signIn(app, email: "nhri@demo.upr")
            let proposal = try postedID(
                try await postComment(
                    app, cso, path,
                    body:
                        "We propose a draft law by 2017. @ministry-of-justice-and-home-affairs, @nhri@demo.upr: views?")
            )
            let answer = try postedID(
                try await postComment(
                    app, focal, path, body: "The ministry will submit the draft in 2017.", parent: proposal,
                    formal: true))
            let second = try postedID(
                try await postComment(app, nhri, path, body: "The Commission supports it.", parent: proposal))
            let thanks = try postedID(try await postComment(app, cso, path, body: "Thank you.", parent: answer))

            let sql = try app.sql()
            let thread = try await CommentStore(sql).thread(CommentSubject(.recommendation, rec), includeMembers: true)
            #expect(thread.map(\.id) == [proposal, answer, thanks, second])
            #expect(thread.map(\.depth) == [0, 1, 2, 1])
            #expect(thread.map(\.isFormalAnswer) == [false, true, false, false])
            #expect(thread[0].authorOrganisationName == "Mongolian NGO Human Rights Forum")
            #expect(thread[0].mentions.compactMap(\.organisationName) == ["Ministry of Justice and Home Affairs"])
            #expect(thread[0].mentions.compactMap(\.userName) == ["Human rights commissioner"])

            // Notices: the mentioned person and the mentioned ministry's people; the proposer of the formal answer
            // and of the reply; the focal point of the reply to the answer. Each once, in the same transaction.
            func notices(_ email: String) async throws -> [InboxNotification] {
                try await NotificationStore(sql).inbox(userID: try await userID(app, email)).filter {
                    $0.subjectKind == .comment
                }
            }
            #expect(try await notices("focal@demo.upr").map(\.kind) == ["replied", "mentioned"])
            #expect(try await notices("nhri@demo.upr").map(\.kind) == ["mentioned"])
            #expect(try await notices("cso@demo.upr").map(\.kind) == ["replied", "formal-answer"])
            #expect(try await notices("admin@demo.upr").isEmpty)
            #expect(try await app.count("audit_log", where: "WHERE entity = 'comment' AND action = 'create'") == 4)

            // The proposer's inbox names the formal answer and leads to it in its thread.
            let inbox = try await cso.get(app, "/inbox")
            #expect(
                inbox.body.string.contains(
                    "Ministry of Justice and Home Affairs gave a formal answer to your proposal on 108.42 (Mongolia)"))
            #expect(inbox.body.string.contains("href=\"/comments/\(answer)\""))
            let jump = try await cso.get(app, "/comments/\(answer)")
            #expect(jump.status == .seeOther)
            #expect(jump.headers.first(name: .location) == "/recommendations/\(rec)#comment-\(answer)")

            // The public page shows the thread with the answer marked in words, the mentions as names, no address.
            let page = try await Browser.anonymous.get(app, "/recommendations/\(rec)")
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("id=\"comment-\(answer)\" class=\"comment depth-1 formal\""))
            #expect(html.contains("<span class=\"tag tag-formal\">Formal answer</span>"))
            #expect(html.contains("The ministry will submit the draft in 2017."))
            #expect(html.contains("@Ministry of Justice and Home Affairs</a>"))
            #expect(html.contains("<strong class=\"mention\">@Human rights commissioner</strong>"))
            #expect(!html.contains("nhri@demo.upr"))
            #expect(html.contains("Sign in to take part in the discussion."))
            #expect(page.body.readableBytes < 100_000)
            // A signed-in reader gets the form and reply links; only the responsible focal point the formal box.
            let signedIn = try await cso.get(app, "/recommendations/\(rec)")
            #expect(signedIn.body.string.contains("action=\"/recommendations/\(rec)/comments\""))
            #expect(signedIn.body.string.contains("href=\"/comments/\(proposal)/reply\""))
            #expect(!(try await cso.get(app, "/comments/\(proposal)/reply")).body.string.contains("name=\"formal\""))
            let replyPage = try await focal.get(app, "/comments/\(proposal)/reply")
            #expect(replyPage.status == .ok)
            #expect(replyPage.body.string.contains("name=\"formal\""))
            // The comment replied to reads as on the thread, mentions resolved.
            #expect(replyPage.body.string.contains("@Ministry of Justice and Home Affairs</a>"))
        }
    }

    /// A formal answer only from a focal point of the responsible organisation or an administrator, only as a reply;
    /// refusals write nothing.
    @Test(arguments: TestDatabase.allCases)
    func formalAnswerPermission(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await addTestAccounts(app)
            let (rec, entry) = try await discussionFixture(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let path = "/recommendations/\(rec)/comments"
            let proposal = try postedID(try await postComment(app, cso, path, body: "A proposal."))
            let before = try await app.count("comments")
            for email in ["cso@demo.upr", "other-focal@test.upr", "observer@demo.upr"] {
                let refused = try await postComment(
                    app, try await Browser.signIn(app, email: email), path, body: "Formally.", parent: proposal,
                    formal: true)
                #expect(refused.status == .forbidden, "\(email)")
                #expect(refused.body.string.contains("Only a focal point of the organisation responsible"))
            }
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let notReply = try await postComment(app, focal, path, body: "Formally.", formal: true)
            #expect(notReply.status == .unprocessableEntity)
            #expect(notReply.body.string.contains("A formal answer must be a reply to a proposal."))
            // A recommendation without a plan entry has no responsible ministry yet.
            let free = try await recommendationID(app, paragraph: "108.103")
            let other = try postedID(try await postComment(app, cso, "/recommendations/\(free)/comments", body: "Hi"))
            let noLead = try await postComment(
                app, focal, "/recommendations/\(free)/comments", body: "Formally.", parent: other, formal: true)
            #expect(noLead.status == .forbidden)
            #expect(try await app.count("comments") == before + 1)

            _ = try postedID(try await postComment(app, focal, path, body: "Agreed.", parent: proposal, formal: true))
            // On the plan entry's own thread too, and by the secretariat.
            let entryPath = "/plan/entries/\(entry)/comments"
            let onEntry = try postedID(
                try await postComment(app, cso, entryPath, body: "On the entry.", visibility: "members"))
            _ = try postedID(
                try await postComment(
                    app, focal, entryPath, body: "Answer.", parent: onEntry, visibility: "members", formal: true))
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            _ = try postedID(
                try await postComment(
                    app, admin, entryPath, body: "Secretariat.", parent: onEntry, visibility: "members", formal: true))
            #expect(try await app.count("comments", where: "WHERE formal_answer = 1") == 3)
            let entryPage = try await cso.get(app, "/plan/entries/\(entry)")
            #expect(entryPage.body.string.contains("id=\"discussion\""))
            #expect(entryPage.body.string.contains("On the entry."))
        }
    }

    /// Members-only comments reach signed-in accounts only: never the public page, the comment's address, or the API.
    @Test(arguments: TestDatabase.allCases)
    func membersOnlyStaysWithMembers(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (rec, _) = try await discussionFixture(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let path = "/recommendations/\(rec)/comments"
            let secret = "Internal: the ministry has not yet consulted the Khural."
            let members = try postedID(try await postComment(app, cso, path, body: secret, visibility: "members"))
            _ = try postedID(try await postComment(app, cso, path, body: "Public note."))

            let page = try await Browser.anonymous.get(app, "/recommendations/\(rec)")
            #expect(page.body.string.contains("Public note."))
            #expect(!page.body.string.contains(secret))
            let api = try await Browser.anonymous.get(app, "/api/v1/recommendations/\(rec)")
            #expect(api.status == .ok)
            #expect(!api.body.string.contains("Khural"))
            // The API gives the public discussion, and only that.
            let thread = try await Browser.anonymous.get(app, "/api/v1/recommendations/\(rec)/comments")
            #expect(thread.status == .ok)
            #expect(thread.body.string.contains("\"text\":\"Public note.\""))
            #expect(!thread.body.string.contains("Khural"))
            #expect(!thread.body.string.contains("\"id\":\(members),"))
            #expect(try await Browser.anonymous.get(app, "/comments/\(members)").status == .notFound)

            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            let inside = try await observer.get(app, "/recommendations/\(rec)")
            #expect(inside.body.string.contains(secret))
            #expect(inside.body.string.contains("Members only"))
            // A public reply would show the public part of a conversation it cannot see.
            let publicReply = try await postComment(app, observer, path, body: "Public?", parent: members)
            #expect(publicReply.status == .unprocessableEntity)
            #expect(publicReply.body.string.contains("must be members-only too"))
            _ = try postedID(
                try await postComment(app, observer, path, body: "Noted.", parent: members, visibility: "members"))
            #expect(!(try await Browser.anonymous.get(app, "/recommendations/\(rec)")).body.string.contains("Noted."))
        }
    }

    /// An administrator hides a comment with a reason: the pages show the reason instead of the text, the audit log
    /// keeps both; hiding again from the same page is a conflict, and nobody else may hide.
    @Test(arguments: TestDatabase.allCases)
    func hidingKeepsTextAndReasonInTheAuditLog(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (rec, _) = try await discussionFixture(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let body = "The survivor in Darkhan, Mrs B., told us her address is 5th khoroo."
            let id = try postedID(try await postComment(app, cso, "/recommendations/\(rec)/comments", body: body))
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            #expect(try await cso.get(app, "/comments/\(id)/hide").status == .forbidden)
            #expect(
                try await cso.post(app, "/comments/\(id)/hide", [("reason", "x"), ("version", "1")]).status
                    == .forbidden)
            let form = try await admin.get(app, "/comments/\(id)/hide")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("Reason for hiding"))

            let noReason = try await admin.post(app, "/comments/\(id)/hide", [("reason", " "), ("version", "1")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("This field is required. (Reason for hiding)"))
            let reason = "Personal data of a survivor"
            let hidden = try await admin.post(app, "/comments/\(id)/hide", [("reason", reason), ("version", "1")])
            #expect(hidden.status == .seeOther)

            let page = try await cso.get(app, "/recommendations/\(rec)")
            #expect(!page.body.string.contains("5th khoroo"))
            #expect(page.body.string.contains("Hidden by an administrator: \(reason)"))
            #expect(!(try await Browser.anonymous.get(app, "/recommendations/\(rec)")).body.string.contains("khoroo"))
            let log = try await AuditLog.history(entity: .comment, id: id, on: try app.sql())
            let hide = try #require(log.first { $0.action == "hide" })
            #expect(hide.changes["body"] == AuditLog.FieldChange(before: body, after: nil))
            #expect(hide.changes["hiddenReason"] == AuditLog.FieldChange(before: nil, after: reason))

            // The same page sent again: hidden since, a conflict; nothing changes.
            let again = try await admin.post(app, "/comments/\(id)/hide", [("reason", "Twice"), ("version", "1")])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("This comment was hidden or changed since you opened the page."))
            #expect(try await app.count("audit_log", where: "WHERE entity = 'comment' AND action = 'hide'") == 1)
            // Nobody replies to a hidden comment.
            #expect(try await cso.get(app, "/comments/\(id)/reply").status == .notFound)
            let late = try await postComment(app, cso, "/recommendations/\(rec)/comments", body: "But…", parent: id)
            #expect(late.status == .unprocessableEntity)
            #expect(late.body.string.contains("The comment replied to has been hidden. (Reply to)"))
        }
    }

    /// Refused input comes back as the form, with the text as typed and a message naming the field; nothing is
    /// written. A post without the form's token is refused.
    @Test(arguments: TestDatabase.allCases)
    func badInputNamesTheField(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (rec, _) = try await discussionFixture(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let path = "/recommendations/\(rec)/comments"
            let other = try await recommendationID(app, paragraph: "108.103")
            let elsewhere = try postedID(
                try await postComment(app, cso, "/recommendations/\(other)/comments", body: "Elsewhere."))
            let comments = try await app.count("comments")
            let notices = try await app.count("notifications")
            let audit = try await app.count("audit_log")

            let empty = try await postComment(app, cso, path, body: "   ")
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("This field is required. (Your message)"))
            let long = try await postComment(app, cso, path, body: String(repeating: "ш", count: 5001))
            #expect(long.status == .unprocessableEntity)
            #expect(long.body.string.contains("The comment is longer than 5,000 characters. (Your message)"))
            let typed = "Ask @nobody@nowhere.mn and @no-such-ministry about it."
            let unknown = try await postComment(app, cso, path, body: typed)
            #expect(unknown.status == .unprocessableEntity)
            #expect(
                unknown.body.string.contains(
                    "Nobody is known by this mention: @nobody@nowhere.mn, @no-such-ministry. (Your message)"))
            #expect(unknown.body.string.contains(">Ask @nobody@nowhere.mn and @no-such-ministry about it.</textarea>"))
            let wrongThread = try await postComment(app, cso, path, body: "Reply.", parent: elsewhere)
            #expect(wrongThread.status == .unprocessableEntity)
            #expect(wrongThread.body.string.contains("The comment replied to is not in this discussion. (Reply to)"))
            let badChoice = try await postComment(app, cso, path, body: "Hi", visibility: "everyone")
            #expect(badChoice.status == .unprocessableEntity)
            let noToken = try await cso.post(app, path, [("body", "Hi"), ("visibility", "public")], csrf: false)
            #expect(noToken.status == .forbidden)
            let anonymous = try await postComment(app, Browser.anonymous, path, body: "Hi")
            #expect(anonymous.status == .unauthorized)
            #expect(try await postComment(app, cso, "/recommendations/999999/comments", body: "Hi").status == .notFound)

            #expect(try await app.count("comments") == comments)
            #expect(try await app.count("notifications") == notices)
            #expect(try await app.count("audit_log") == audit)
            // The same in Mongolian.
            var mongolian = cso
            mongolian.cookie += "; upr_lang=mn"
            let mn = try await postComment(app, mongolian, path, body: "")
            #expect(mn.body.string.contains("(Таны бичвэр)"))
        }
    }
}
