// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "upr-tracker",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "upr", targets: ["upr"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Already in the graph through Vapor; named because the mail client and its test server use them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.29.0"),
    ],
    targets: [
        // Plain value types and rules; no I/O, no dependencies.
        .target(name: "UPRDomain"),
        // The file-format core every reader shares: one CSV reader, one bounded zip reader, one legacy-text decoder.
        .target(
            name: "UPRFileFormats", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Parsers for the files people bring (UPR Info exports, OHCHR Word lists, UHRI exports): bytes in, domain
        // records out. UHRI's workbook is read through the spreadsheet module's reader.
        .target(name: "UPRImport", dependencies: ["UPRDomain", "UPRFileFormats", "UPRSpreadsheet"]),
        // The localization layer: message catalogs (English, Mongolian), language negotiation, formatting.
        .target(name: "UPRLocalization", dependencies: ["UPRDomain"], resources: [.copy("Catalogs")]),
        // Security primitives: TOTP, tokens, throttling and password policies. Pure functions over bytes and dates.
        .target(name: "UPRSecurity", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Mail: RFC 5322 messages (UTF-8 text, RFC 2047 headers) and a small SMTP client over SwiftNIO.
        .target(
            name: "UPRMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The implementation-plan matrix (annex 8.1) as XLSX and CSV, written and read back.
        .target(
            name: "UPRSpreadsheet",
            dependencies: ["UPRFileFormats", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Word documents (DOCX) of generated reports, packaged like the spreadsheets.
        .target(name: "UPRDocument", dependencies: ["UPRSpreadsheet"]),
        // Text intelligence: tokenisation, classifier, similarity. Pure Swift, in-process.
        .target(name: "UPRText", dependencies: ["UPRDomain", "UPRFileFormats"], resources: [.copy("Model")]),
        // Storage: Fluent models, migrations, and the SQL that Fluent is too slow for.
        .target(
            name: "UPRStore",
            dependencies: [
                "UPRDomain",
                "UPRImport",
                "UPRSpreadsheet",
                "UPRText",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        // The web application: routes, pages, JSON API, localization.
        .target(
            name: "UPRWeb",
            dependencies: [
                "UPRDomain",
                "UPRStore",
                "UPRSpreadsheet",
                "UPRLocalization",
                "UPRSecurity",
                "UPRMail",
                "UPRDocument",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            resources: [.copy("Site")]
        ),
        // The demo installation (Mongolia): the 2015 meeting's stakeholders, accounts, plan, indicators, meetings.
        .target(
            name: "UPRDemo",
            dependencies: [
                "UPRDomain", "UPRStore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Demo")]
        ),
        // The application: settings, database setup and migrations, background jobs (reminders, mail, webhooks), and
        // the composition of the whole from them.
        .target(
            name: "UPRApp",
            dependencies: [
                "UPRDomain", "UPRStore", "UPRWeb", "UPRDemo", "UPRMail", "UPRLocalization", "UPRSecurity",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        // Command-line commands as plain functions plus their ArgumentParser wrappers.
        .target(
            name: "UPRCommands",
            dependencies: [
                "UPRDomain", "UPRImport", "UPRStore", "UPRApp", "UPRWeb", "UPRText", "UPRLocalization",
                "UPRSpreadsheet",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .executableTarget(name: "upr", dependencies: ["UPRCommands"]),
        .testTarget(name: "UPRDomainTests", dependencies: ["UPRDomain"]),
        // Helpers more than one test target needs (a seeded generator, a zip writer, the committed fixtures).
        .target(name: "UPRTestSupport", dependencies: ["UPRFileFormats"], path: "Tests/UPRTestSupport"),
        .testTarget(
            name: "UPRFileFormatsTests",
            dependencies: [
                "UPRFileFormats", "UPRTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(
            name: "UPRImportTests", dependencies: ["UPRImport", "UPRDomain", "UPRFileFormats", "UPRTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "UPRTextTests", dependencies: ["UPRText", "UPRDomain"], resources: [.copy("Fixtures")]),
        .testTarget(name: "UPRSecurityTests", dependencies: ["UPRSecurity", "UPRTestSupport"]),
        .testTarget(name: "UPRSpreadsheetTests", dependencies: ["UPRSpreadsheet", "UPRFileFormats"]),
        .testTarget(name: "UPRMailTests", dependencies: ["UPRMail", "SMTPSink"]),
        // A local SMTP server that records what it receives, for the mail tests (plain, STARTTLS, TLS, failures).
        .target(
            name: "SMTPSink",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Tests/SMTPSink"
        ),
        .testTarget(name: "UPRLocalizationTests", dependencies: ["UPRLocalization", "UPRDomain"]),
        .testTarget(
            name: "UPRWebTests",
            dependencies: [
                "UPRApp", "UPRDemo", "UPRWeb", "UPRStore", "UPRMail", "SMTPSink", "UPRText", "UPRDocument", "UPRDomain",
                "UPRImport", "UPRLocalization",
                "UPRSecurity", "UPRSpreadsheet",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                // The SafeHTML tests render templates through the application's Leaf tags.
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// CI builds with UPR_WARNINGS_AS_ERRORS=1 (`.ci/run`): a warning in the project's own code fails the build there,
// while a developer's build keeps warnings as warnings. Dependencies are never affected.
if Context.environment["UPR_WARNINGS_AS_ERRORS"] == "1" {
    for target in package.targets where target.type != .plugin {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-warnings-as-errors"])]
    }
}
