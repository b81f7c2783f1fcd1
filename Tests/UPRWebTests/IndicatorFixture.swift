import Foundation
import UPRDomain
import UPRStore
import VaporTesting

/// A published plan entry of the justice group for 108.42, answered by the Ministry of Justice and Home Affairs, and
/// an indicator tracking it that the ministry is responsible for, with the UN Resident Coordinator's Office (the
/// observer's organisation) as data partner.
struct IndicatorFixture {
    var entry: Int
    var indicator: Int
    var ministry: Int
    var partner: Int

    static func make(_ app: Application, publish: Bool = true) async throws -> IndicatorFixture {
        let sql = try app.sql()
        let recommendation = try await recommendationID(app, paragraph: "108.42")
        let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
        let partner = try await organisationID(app, "UN Resident Coordinator's Office")
        var entryFields = PlanEntryFields()
        entryFields.goal = "Anti-discrimination law"
        entryFields.leadOrganisationID = ministry
        let plans = PlanStore(sql)
        let entry = try await plans.create(
            recommendationID: recommendation, workingGroupID: try await justiceGroupID(app), fields: entryFields,
            userID: nil, actor: "test")
        if publish {
            try await plans.setStatus(entry, version: 1, status: .published, actor: "test")
        }
        let indicator = try await IndicatorStore(sql).create(
            fields(ministry: ministry, partner: partner, entry: entry), userID: nil, actor: "test")
        return IndicatorFixture(entry: entry, indicator: indicator, ministry: ministry, partner: partner)
    }

    static func fields(ministry: Int, partner: Int, entry: Int) -> IndicatorFields {
        var fields = IndicatorFields()
        fields.title = "Discrimination complaints decided by courts"
        fields.definition =
            "Number of court decisions in a calendar year on complaints of discrimination under the new law."
        fields.kind = .outcome
        fields.unit = "decisions"
        fields.baselineValue = 10
        fields.baselineDate = "2016-12-31"
        fields.targetValue = 50
        fields.targetDate = "2030-12-31"
        fields.dimensions = [.sex, .region]
        fields.responsibleOrganisationID = ministry
        fields.dataPartnerIDs = [partner]
        fields.planEntryIDs = [entry]
        return fields
    }
}

/// One file part of a multipart form.
struct UploadPart {
    var name: String
    var fileName: String
    var contentType: String
    var bytes: [UInt8]
}

extension Browser {
    /// Posts a multipart form (as a browser sends a form with a file), with the CSRF token.
    func postMultipart(_ app: Application, _ path: String, _ fields: [(String, String)], file: UploadPart?)
        async throws -> TestingHTTPResponse
    {
        let boundary = "----upr-test-boundary-7MA4YWxkTrZu0gW"
        var body = ByteBuffer()
        for (name, value) in fields + [("_csrf", csrf)] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\n"
                    + "Content-Type: \(file.contentType)\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = headers()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: body) { result = $0 }
        return result!
    }
}
