import UPRDomain
import UPRLocalization
import UPRStore

/// The matrix table of the plan page, written in Swift instead of Leaf: a page has some 25 rows of 11 cells, and
/// Leaf spent about 0.2 ms a row resolving and escaping them (5 ms a page, the largest cost of the busiest page of
/// the plan), where this takes a few microseconds a row. Every value is escaped as Leaf's `#()` would.
struct PlanMatrixTable {
    /// The column headings (also each cell's `data-label`, which narrow screens show beside the value).
    let headings: [String]
    let caption: String
    let t: Translator
    /// Whether the reader may draft entries (a "Draft a plan entry" link where there is none).
    let canDraft: Bool

    init(t: Translator, caption: String, canDraft: Bool) {
        self.t = t
        self.caption = caption
        self.canDraft = canDraft
        headings = [
            "matrix.rec", "matrix.rs", "matrix.recommendation", "matrix.response", "matrix.national",
            "matrix.international", "matrix.goal", "matrix.action", "matrix.indicators", "matrix.body",
            "matrix.answer",
        ].map { t($0) }
    }

    func html(_ lines: [PlanMatrix.Line]) -> SafeHTML {
        var out = SafeHTML.Builder(capacity: lines.count * 2_000 + 1_000)
        out.raw("<table class=\"responsive matrix\">\n  <caption class=\"visually-hidden\">")
        out.text(caption)
        out.raw("</caption>\n  <thead><tr>")
        for heading in headings {
            out.raw("<th scope=\"col\">")
            out.text(heading)
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n  <tbody>\n")
        for line in lines { row(line, into: &out) }
        out.raw("  </tbody>\n</table>\n")
        return out.html
    }

    private func row(_ line: PlanMatrix.Line, into out: inout SafeHTML.Builder) {
        let entry = line.entry
        out.raw("  <tr>\n    <th scope=\"row\" data-label=\"")
        out.text(headings[0])
        out.append("\"><a href=\"\(SiteRoute.recommendation(line.recommendationID).href)\">")
        out.text(line.paragraph ?? "#\(line.recommendationID)")
        out.raw("</a></th>\n")
        let response = t.response(line.response)
        let cells = [
            line.recommendingStates.joined(separator: ", "), line.text, response,
            entry?.otherMechanismsNational ?? "", entry?.internationalColumn ?? "", entry?.goal ?? "",
            entry?.expectedAction ?? "", entry?.indicators ?? "", entry?.leadOrganisationName ?? "",
        ]
        for (index, value) in cells.enumerated() {
            cell(headings[index + 1], into: &out) { out in
                // The other mechanisms' accepted links come one a line, before what the working group typed.
                for (number, part) in value.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if number > 0 { out.raw("<br>") }
                    out.text(String(part))
                }
                // The structured indicators beside the free text: how many, and how many pass the SMART check.
                if index == 7, let entry, entry.indicatorCount > 0 {
                    out.raw("<br><a class=\"smart-count\" href=\"")
                    out.text(SiteRoute.planEntry(entry.id).href(at: "indicators-title"))
                    out.raw("\">")
                    out.text(
                        t(
                            "plan.indicatorCount",
                            ["count": t.number(entry.indicatorCount), "smart": t.number(entry.smartCount)]))
                    out.raw("</a>")
                }
            }
        }
        cell(headings[10], into: &out) { out in
            if let entry, let answer = entry.governmentAnswer {
                out.append("<span class=\"tag tag-\(answer.rawValue)\">")
                out.text(t("answer.\(answer.rawValue)"))
                out.raw("</span>")
                if !entry.governmentComment.isEmpty {
                    out.raw(" ")
                    out.text(entry.governmentComment)
                }
            }
            if let entry {
                out.raw("<br><a href=\"")
                out.text(SiteRoute.planEntry(entry.id).href)
                out.raw("\">")
                out.text(t("status.\(entry.status.rawValue)"))
                out.raw("</a>")
            } else if canDraft {
                out.raw("<br><a href=\"")
                out.text(SiteRoute.planEditor(recommendationID: line.recommendationID).href)
                out.raw("\">")
                out.text(t("plan.draft"))
                out.raw("</a>")
            }
        }
        out.raw("  </tr>\n")
    }

    private func cell(_ label: String, into out: inout SafeHTML.Builder, _ content: (inout SafeHTML.Builder) -> Void) {
        out.raw("    <td data-label=\"")
        out.text(label)
        out.raw("\">")
        content(&out)
        out.raw("</td>\n")
    }
}
