import Foundation

/// Files shipped inside the module: templates, the stylesheet and the OpenAPI document.
public enum SiteResources {
    /// The folder that holds `Views`, `Public` and `openapi.json`.
    public static var directory: URL {
        Bundle.module.url(forResource: "Site", withExtension: nil)!
    }

    public static var viewsDirectory: String { directory.appendingPathComponent("Views").path + "/" }

    public static func openAPIDocument() throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent("openapi.json"))
    }

    public static func stylesheet() throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent("Public/site.css"))
    }
}
