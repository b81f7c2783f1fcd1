import LeafKit

/// A Leaf tag this site does not allow, registered under its name so that a template using it fails instead of
/// working (as Leaf's `#unsafeHTML`, which prints any string unescaped) or printing its name (as an unknown tag).
struct RetiredTag: LeafTag {
    var name: String
    var instead: String

    func render(_ ctx: LeafContext) throws -> LeafData {
        throw LeafError(.unknownError("#\(name)() is not available on this site: use \(instead)"))
    }
}
