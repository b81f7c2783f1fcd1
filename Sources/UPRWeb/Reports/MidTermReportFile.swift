import Foundation
import SQLKit
import UPRDomain
import UPRLocalization
import UPRSecurity
import UPRStore
import Vapor

/// The mid-term report as a file, for the site's download links and for `upr report midterm`.
public enum MidTermReportFile {
    public enum Format: String, Sendable, CaseIterable {
        case docx
        case html

        var contentType: HTTPMediaType {
            switch self {
            case .docx:
                HTTPMediaType(
                    type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
            case .html: HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"])
            }
        }
    }

    /// The report of `state`'s recommendations of `cycle` (its latest when nil); nil when the state or its review
    /// is unknown.
    public static func make(
        state: String, cycle: Int? = nil, format: Format, language: Language, publishedOnly: Bool,
        on sql: any SQLDatabase
    ) async throws -> Data? {
        guard
            let data = try await MidTermReportData.load(
                state: state, cycle: cycle, publishedOnly: publishedOnly, on: sql)
        else { return nil }
        let report = MidTermReport(data, t: Translator(language))
        switch format {
        case .docx: return report.docx
        case .html: return Data(report.html.markup.utf8)
        }
    }

    /// `/reports/midterm.docx?state=` and `.html`: members get the working draft, the public the published parts.
    static func download(_ request: Request, _ format: Format) async throws -> Vapor.Response {
        let state = (try? request.query.get(String.self, at: "state")) ?? "Mongolia"
        let cycle = try? request.query.get(Int.self, at: "cycle")
        guard
            let data = try await make(
                state: state, cycle: cycle, format: format, language: request.language,
                publishedOnly: !Authorization.allows(request.actor, .readDrafts), on: try request.sql())
        else { throw Abort(.notFound) }
        let response = Vapor.Response(status: .ok, body: .init(data: data))
        response.headers.contentType = format.contentType
        if format == .html {
            // The report keeps its style inside it so that the saved file looks the same; the policy names it.
            response.headers.replaceOrAdd(
                name: "Content-Security-Policy",
                value: ContentSecurityPolicy.allowingInlineStyle(MidTermReport.style.description))
        }
        if format == .docx {
            let name = "midterm-report-" + Slug.make(state) + "-" + request.language.rawValue + ".docx"
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        }
        return response
    }
}
