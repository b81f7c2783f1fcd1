import UPRDomain
import UPRLocalization

/// The SMART check as the indicator form and page show it: one line per criterion, met or not, with what is missing.
struct SMARTChecklist: Encodable {
    struct Item: Encodable {
        var label: String
        var passes: Bool
        var status: String
        var messages: [String]
        var hasMessages: Bool
    }
    var items: [Item]
    var summary: String

    init(_ check: SMARTCheck, _ t: Translator) {
        items = check.results.map { result in
            Item(
                label: t(result.criterion.labelKey), passes: result.passes,
                status: t(result.passes ? "smart.met" : "smart.notMet"),
                messages: (result.problems + result.notes).map { t($0) },
                hasMessages: !(result.problems + result.notes).isEmpty)
        }
        summary = t("smart.summary", ["passed": t.number(check.passedCount), "total": t.number(check.results.count)])
    }
}
