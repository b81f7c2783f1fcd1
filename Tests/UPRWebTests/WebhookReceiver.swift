import Foundation
import VaporTesting

/// A local HTTP server that stands for an integration's receiver in the webhook tests: it records every request it
/// is sent, and answers 500 to the first `failures` of them (all of them when `failures` is nil), 204 afterwards.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var headers: HTTPHeaders
        var body: String
    }

    /// What was received, and how many more requests to fail.
    actor Log {
        var received: [Received] = []
        var failures: Int?

        init(failures: Int?) { self.failures = failures }

        func record(_ request: Received) -> HTTPStatus {
            received.append(request)
            guard let remaining = failures else { return .internalServerError }
            if remaining > 0 {
                failures = remaining - 1
                return .internalServerError
            }
            return .noContent
        }

        func fail(_ count: Int?) { failures = count }
    }

    private let app: Application
    private let state: Log
    let url: String

    private init(app: Application, state: Log, url: String) {
        self.app = app
        self.state = state
        self.url = url
    }

    /// Starts a receiver on 127.0.0.1 at a free port; `stop()` ends it.
    static func start(failures: Int? = 0) async throws -> WebhookReceiver {
        let app = try await Application.make(.testing)
        let state = Log(failures: failures)
        app.logger.logLevel = .warning
        app.on(.POST, "hook", body: .collect(maxSize: "1mb")) { request -> HTTPStatus in
            let body = request.body.string ?? ""
            return await state.record(Received(headers: request.headers, body: body))
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw TestSetupError("the webhook receiver has no port")
        }
        return WebhookReceiver(app: app, state: state, url: "http://127.0.0.1:\(port)/hook")
    }

    var received: [Received] { get async { await state.received } }

    /// From now on, fail `count` more requests (nil: all of them).
    func fail(_ count: Int?) async { await state.fail(count) }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}
