import Leaf
import LeafKit
import UPRLocalization

/// `#t("key")` or `#t("key", "name", value, …)` in a template: the message in the request's language. Static
/// labels go through here; values computed per page are translated in the page's view model.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw LeafError(.unknownError("#t() needs a message key"))
        }
        var arguments: [String: String] = [:]
        var index = 1
        while index + 1 < ctx.parameters.count {
            if let name = ctx.parameters[index].string {
                arguments[name] = ctx.parameters[index + 1].string ?? ""
            }
            index += 2
        }
        let language = ctx.request?.language ?? .en
        return .string(Translator(language)(key, arguments))
    }
}
