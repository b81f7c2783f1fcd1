import Testing
import UPRDomain

/// Who may comment, answer formally and hide; and how mentions are read from a comment's text.
@Suite struct CommentRuleTests {
    let ministry = 12
    var admin: Principal { Principal(userID: 1, role: .administrator, organisationID: 10) }
    var cso: Principal { Principal(userID: 2, role: .csoMember, organisationID: 11, workingGroupIDs: [1]) }
    var focal: Principal { Principal(userID: 3, role: .focalPoint, organisationID: 12) }
    var otherFocal: Principal { Principal(userID: 5, role: .focalPoint, organisationID: 14) }
    var observer: Principal { Principal(userID: 4, role: .observer, organisationID: 13) }
    /// A CSO member whose account sits in the ministry's organisation still does not speak for it.
    var csoInMinistry: Principal { Principal(userID: 6, role: .csoMember, organisationID: 12) }

    @Test func everySignedInAccountComments() {
        for person in [admin, cso, focal, otherFocal, observer] {
            #expect(Authorization.allows(person, .comment))
        }
        #expect(!Authorization.allows(nil, .comment))
    }

    @Test func onlyTheResponsibleFocalPointOrAnAdministratorAnswersFormally() {
        #expect(Authorization.allows(focal, .answerFormally(leadOrganisationID: ministry)))
        #expect(Authorization.allows(admin, .answerFormally(leadOrganisationID: ministry)))
        #expect(Authorization.allows(admin, .answerFormally(leadOrganisationID: nil)))
        for person in [cso, otherFocal, observer, csoInMinistry] {
            #expect(!Authorization.allows(person, .answerFormally(leadOrganisationID: ministry)))
        }
        // No plan entry (or no lead yet): nobody but the secretariat answers formally.
        #expect(!Authorization.allows(focal, .answerFormally(leadOrganisationID: nil)))
        #expect(!Authorization.allows(nil, .answerFormally(leadOrganisationID: ministry)))
    }

    @Test func onlyAdministratorsHide() {
        #expect(Authorization.allows(admin, .hideComment))
        for person in [cso, focal, observer] { #expect(!Authorization.allows(person, .hideComment)) }
        #expect(!Authorization.allows(nil, .hideComment))
    }

    @Test func mentionsOfPeopleAndOrganisations() {
        let text = "We ask @ministry-of-justice-and-home-affairs and @focal@demo.upr. (@open-society-forum), thanks!"
        let found = Mention.find(in: text)
        #expect(
            found.map(\.handle) == ["ministry-of-justice-and-home-affairs", "focal@demo.upr", "open-society-forum"])
        #expect(found.map(\.kind) == [.organisation, .person, .organisation])
        #expect(String(text[found[1].range]) == "@focal@demo.upr")
    }

    @Test func plainAddressesAndLoneSignsAreNoMentions() {
        #expect(Mention.find(in: "Write to info@example.mn or meet us @ 10:00.").isEmpty)
        #expect(Mention.find(in: "").isEmpty)
        #expect(Mention.find(in: "@").isEmpty)
    }

    @Test func lengthLimits() {
        #expect(CommentRules.bodyProblem("  \n ") == "form.error.required")
        #expect(CommentRules.bodyProblem(String(repeating: "а", count: 5000)) == nil)
        #expect(CommentRules.bodyProblem(String(repeating: "а", count: 5001)) == "comment.error.tooLong")
        #expect(CommentRules.reasonProblem("") == "form.error.required")
        #expect(CommentRules.reasonProblem("Personal data of a survivor") == nil)
    }
}
