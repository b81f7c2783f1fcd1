import Foundation
import Leaf
import LeafKit
import Testing
import VaporTesting

@testable import UPRWeb

/// Templates held in memory, to render through the application's own tags.
struct MemoryTemplates: LeafSource {
    var templates: [String: String]

    func file(template: String, escape: Bool, on eventLoop: any EventLoop) throws -> EventLoopFuture<ByteBuffer> {
        guard let text = templates[template] else { throw LeafError(.noTemplateExists(template)) }
        return eventLoop.makeSucceededFuture(ByteBuffer(string: text))
    }
}

@Suite struct SafeHTMLTests {
    static let payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&"
    static let escaped =
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;"

    /// Text is escaped, literals are markup, an `Int` is written in decimal and a `SafeHTML` goes in as it is.
    @Test func theBuilderEscapesEveryValue() {
        var out = SafeHTML.Builder(capacity: 64)
        out.raw("<p title=\"")
        out.text(Self.payload)
        out.raw("\">")
        out.number(-42)
        out.append("<a href=\"/x/\(Self.payload)?n=\(7)\">\(SafeHTML("<b>bold</b>"))</a>")
        out.raw("–</p>")
        #expect(
            out.html.markup
                == "<p title=\"\(Self.escaped)\">-42<a href=\"/x/\(Self.escaped)?n=7\"><b>bold</b></a>–</p>")
        #expect(SafeHTML.empty.isEmpty && SafeHTML.empty.markup.isEmpty)
        // Multi-byte text passes through untouched.
        var text = SafeHTML.Builder(capacity: 8)
        text.text("Монгол <улс>")
        #expect(text.html.markup == "Монгол &lt;улс&gt;")
    }

    /// The application's `#html` prints a SafeHTML and refuses a plain string, a forged dictionary and anything
    /// else; Leaf's `#unsafeHTML` is gone.
    @Test func theTagTakesOnlySafeHTML() async throws {
        try await withApp(.sqlite) { app in
            let renderer = LeafRenderer(
                configuration: app.leaf.configuration, tags: app.leaf.tags, cache: DefaultLeafCache(),
                sources: .singleSource(
                    MemoryTemplates(templates: [
                        "safe": "[#html(safe)]", "plain": "[#html(plain)]", "forged": "[#html(forged)]",
                        "lookalike": "[#html(lookalike)]", "number": "[#html(7)]", "none": "[#html()]",
                        "missing": "[#html(nothing)]", "unsafe": "[#unsafeHTML(plain)]", "escaped": "[#(plain)]",
                    ])),
                eventLoop: app.eventLoopGroup.next(), userInfo: ["application": app])
            struct Forged: Encodable {
                var markup: String
                var seal: String
            }
            struct Context: Encodable {
                var safe: SafeHTML
                var plain: String
                var forged: [String: String]
                var lookalike: Forged
            }
            var out = SafeHTML.Builder(capacity: 64)
            out.raw("<b>")
            out.text(Self.payload)
            out.raw("</b>")
            let context = Context(
                safe: out.html, plain: Self.payload, forged: ["markup": Self.payload, "seal": "0-0"],
                lookalike: Forged(markup: Self.payload, seal: ""))
            func render(_ name: String) async throws -> String {
                String(buffer: try await renderer.render(path: name, context: context).get())
            }

            let safe = try await render("safe")
            #expect(safe == "[<b>" + Self.escaped + "</b>]")
            let escaped = try await render("escaped")
            #expect(escaped == "[" + Self.escaped + "]")
            for refused in ["plain", "forged", "lookalike", "number", "none", "missing", "unsafe"] {
                do {
                    let page = try await render(refused)
                    Issue.record("\(refused) rendered \(page)")
                } catch {
                    #expect(error is LeafError, "\(refused): \(error)")
                }
            }
        }
    }

    /// Every template emits raw markup through `#html` only.
    @Test func noTemplateUsesUnsafeHTML() throws {
        let directory = SiteResources.viewsDirectory
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".leaf") }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOfFile: directory + name, encoding: .utf8)
            #expect(!text.contains("#unsafeHTML"), "\(name)")
        }
    }
}
