import Foundation

/// When to refuse sign-in attempts after failed ones: a pure policy over failure times that the caller stores.
///
/// Behaviour: a failure with at least `maxFailures` failures (itself included) in the `window` ending at it locks
/// sign-in until `lockout` after that failure. The lock runs its full length even when earlier failures
/// leave the window meanwhile, and only the failure times decide it, so every server instance reaching the same
/// stored failures reaches the same answer. With the defaults (5 failures, 15 min window, 15 min lockout) a
/// burst of five locks for 15 minutes, after which the burst has left the window: at most five guesses per
/// quarter hour, 480 a day per key. With a window longer than the lockout, each failure after a lockout ends
/// locks again at once while the window still holds enough: after the first `maxFailures`, one guess per
/// `lockout` (window 24 h, lockout 15 min: about 100 a day, NIST SP 800-63B's ceiling). There is no exponential
/// growth, so someone who knows an account's email can keep it locked only for `lockout` after their last try;
/// apply the policy per account email and per client IP, as both are stored.
///
/// Record a failure only when a password was checked and wrong: an attempt refused while locked is not one, or
/// every refused try would push the lock further. A successful sign-in may clear the account's failures but not
/// the IP's, or one working account would let an IP reset its own count.
///
/// Failures dated after `now` (another server's clock running ahead) still count.
public struct LoginThrottle: Sendable, Hashable {
    /// Whether an attempt may go ahead.
    public enum Decision: Sendable, Hashable {
        /// Check the password.
        case allowed
        /// Refuse without checking the password, until this moment.
        case locked(until: Date)

        /// True for `.allowed`.
        public var isAllowed: Bool {
            if case .allowed = self { return true }
            return false
        }

        /// Whole seconds to wait from `now` (at least 1), for a `Retry-After` header; nil when allowed.
        public func retryAfter(from now: Date) -> Int? {
            guard case .locked(let until) = self else { return nil }
            return max(1, Int(until.timeIntervalSince(now).rounded(.up)))
        }
    }

    /// Failures inside the window that lock sign-in.
    public let maxFailures: Int
    /// How far back failures count, in seconds.
    public let window: TimeInterval
    /// How long sign-in stays locked after the failure that reached the limit, in seconds.
    public let lockout: TimeInterval

    /// A policy; `maxFailures` must be positive, `window` positive and `lockout` not negative.
    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60, lockout: TimeInterval = 15 * 60) {
        precondition(maxFailures > 0, "maxFailures must be positive")
        precondition(window > 0, "window must be positive")
        precondition(lockout >= 0, "lockout must not be negative")
        self.maxFailures = maxFailures
        self.window = window
        self.lockout = lockout
    }

    /// Where the stored failures that can still matter at `now` begin: `window` plus `lockout` before it, since a
    /// lock still running began after `now - lockout` and counted the `window` before that. Load failures from
    /// here on; older ones may be deleted.
    public func windowStart(now: Date) -> Date {
        now.addingTimeInterval(-(window + lockout))
    }

    /// Whether an attempt at `now` may go ahead, given the failure times stored for one key (in any order).
    public func decision(failures: [Date], now: Date) -> Decision {
        let sorted = failures.filter { $0 > windowStart(now: now) }.sorted()
        // From the latest failure back: the first one that reached the limit and whose lockout has not ended
        // gives the latest end; an earlier trigger would end earlier, so the search stops at the first expired one.
        var index = sorted.count - 1
        while index >= 0, sorted[index].addingTimeInterval(lockout) > now {
            let trigger = sorted[index]
            // Failures in (trigger - window, trigger]; equal times after `index` are counted too.
            let end = upperBound(sorted, trigger)
            let start = upperBound(sorted, trigger.addingTimeInterval(-window))
            if end - start >= maxFailures { return .locked(until: trigger.addingTimeInterval(lockout)) }
            index -= 1
        }
        return .allowed
    }

    /// The index of the first element of `sorted` after `date`.
    private func upperBound(_ sorted: [Date], _ date: Date) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= date { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
