import Foundation

/// When to try a failed mail again: after one minute, then twice as long each time up to six hours, eight
/// attempts in all (about eleven hours); never when the server refused the mail itself. Webhook deliveries follow
/// the same schedule (`nextAttempt(after:permanent:now:)`): a receiver that is down for an afternoon misses nothing.
public struct RetryPolicy: Sendable, Equatable {
    public var firstDelay: TimeInterval = 60
    public var maximumDelay: TimeInterval = 6 * 60 * 60
    public var maximumAttempts = 8

    public init() {}

    /// The time of the next attempt after `attempts` failed ones, or nil to give up.
    public func nextAttempt(after attempts: Int, error: SMTPError, now: Date) -> Date? {
        nextAttempt(after: attempts, permanent: error.isPermanent, now: now)
    }

    /// The time of the next attempt after `attempts` failed ones, or nil to give up (at once when `permanent`).
    public func nextAttempt(after attempts: Int, permanent: Bool = false, now: Date) -> Date? {
        guard !permanent, attempts < maximumAttempts else { return nil }
        let delay = min(maximumDelay, firstDelay * pow(2, Double(max(0, attempts - 1))))
        return now.addingTimeInterval(delay)
    }
}
