import Foundation
import SQLKit
import UPRStore
import Vapor

/// Every API POST: the write and its answer in one transaction, and with an `Idempotency-Key` the answer kept in
/// the database in that same transaction, so that the same request sent again (to this instance or another)
/// changes nothing and is answered as the first was, and the same key with another request is refused (422).
enum IdempotentWrite {
    static let header = "Idempotency-Key"

    /// Runs `write` (which returns the answer to give) for `client`, or gives the answer kept for its key.
    static func run(
        _ request: Request, client: APIClient,
        write: @escaping @Sendable (any SQLDatabase) async throws -> StoredResponse
    ) async throws -> Vapor.Response {
        guard let key = request.headers.first(name: header) else {
            return response(try await request.db.writeTransaction { try await write(try $0.sqlDatabase()) })
        }
        guard (1...255).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
            throw APIProblem(
                status: .unprocessableEntity, detail: header + ": " + request.t("api.error.idempotencyKey"),
                field: header)
        }
        let hash = requestHash(request)
        let tokenID = client.token.id
        if let kept = try await IdempotencyStore(try request.sql()).response(tokenID: tokenID, key: key) {
            return try replay(kept, hash: hash, request)
        }
        do {
            let answer = try await request.db.writeTransaction { database in
                let sql = try database.sqlDatabase()
                // Asked again inside the transaction: on SQLite the writer before this one may have kept the key
                // while this one waited for the lock.
                if let kept = try await IdempotencyStore(sql).response(tokenID: tokenID, key: key) { return kept }
                var answer = try await write(sql)
                answer.requestHash = hash
                try await IdempotencyStore(sql).record(tokenID: tokenID, key: key, answer)
                return answer
            }
            return try replay(answer, hash: hash, request)
        } catch let error as APIProblem {
            throw error
        } catch {
            // The same key committed by another instance while this one wrote: its insert failed and this
            // transaction rolled back, so the first answer is the one to give.
            if let kept = try await IdempotencyStore(try request.sql()).response(tokenID: tokenID, key: key) {
                return try replay(kept, hash: hash, request)
            }
            throw error
        }
    }

    /// The SHA-256 of what makes a request the same request: method, path and body.
    static func requestHash(_ request: Request) -> String {
        var hasher = SHA256()
        hasher.update(data: Array("\(request.method.rawValue) \(request.url.path)\n".utf8))
        if let body = request.body.data { hasher.update(data: Array(body.readableBytesView)) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    private static func replay(_ kept: StoredResponse, hash: String, _ request: Request) throws -> Vapor.Response {
        guard kept.requestHash == hash else {
            throw APIProblem(
                status: .unprocessableEntity, detail: header + ": " + request.t("api.error.idempotencyReused"),
                field: header)
        }
        return response(kept)
    }

    private static func response(_ answer: StoredResponse) -> Vapor.Response {
        var headers = HTTPHeaders()
        for pair in answer.headers where pair.count == 2 { headers.add(name: pair[0], value: pair[1]) }
        return Vapor.Response(
            status: HTTPResponseStatus(statusCode: answer.status), headers: headers, body: .init(string: answer.body))
    }
}
