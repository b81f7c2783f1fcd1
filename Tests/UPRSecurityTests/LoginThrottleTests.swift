import Foundation
import Testing
import UPRSecurity

@Suite struct LoginThrottleTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let policy = LoginThrottle()

    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }

    @Test func defaultsAreFiveFailuresInFifteenMinutesLockingFifteenMinutes() {
        #expect(Self.policy.maxFailures == 5)
        #expect(Self.policy.window == 900)
        #expect(Self.policy.lockout == 900)
    }

    @Test func noFailuresAllows() {
        #expect(Self.policy.decision(failures: [], now: Self.now) == .allowed)
    }

    @Test func fewerThanTheLimitAllows() {
        let failures = (1...4).map { Self.ago(TimeInterval($0 * 10)) }
        #expect(Self.policy.decision(failures: failures, now: Self.now) == .allowed)
    }

    @Test func reachingTheLimitLocksUntilLockoutAfterTheLatestFailure() {
        let failures = [50, 40, 30, 20, 10].map { Self.ago(TimeInterval($0)) }
        let decision = Self.policy.decision(failures: failures, now: Self.now)
        #expect(decision == .locked(until: Self.ago(10).addingTimeInterval(900)))
        #expect(!decision.isAllowed)
        #expect(decision.retryAfter(from: Self.now) == 890)
    }

    @Test func theOrderOfStoredFailuresDoesNotMatter() {
        let failures = [10, 50, 30, 20, 40].map { Self.ago(TimeInterval($0)) }
        #expect(Self.policy.decision(failures: failures, now: Self.now) == .locked(until: Self.ago(10 - 900)))
        #expect(
            Self.policy.decision(failures: failures.reversed(), now: Self.now)
                == Self.policy.decision(failures: failures, now: Self.now))
    }

    @Test func failuresOutsideTheWindowDoNotCount() {
        // Four recent failures and many old ones: still allowed.
        let old = (0..<20).map { Self.ago(TimeInterval(901 + $0 * 60)) }
        let recent = (1...4).map { Self.ago(TimeInterval($0)) }
        #expect(Self.policy.decision(failures: old + recent, now: Self.now) == .allowed)
    }

    @Test func theWindowEndsAtEachFailureAndExcludesItsStart() {
        let t = Self.now
        // The first failure is exactly one window before the last: not inside it, so four is the most.
        let spread = [0, 900, 901, 902, 903].map { t.addingTimeInterval(TimeInterval($0)) }
        #expect(Self.policy.decision(failures: spread, now: t.addingTimeInterval(904)) == .allowed)
        let justInside = [0.5, 900, 900.1, 900.2, 900.3].map { t.addingTimeInterval($0) }
        #expect(
            Self.policy.decision(failures: justInside, now: t.addingTimeInterval(904))
                == .locked(until: t.addingTimeInterval(1800.3)))
    }

    @Test func failuresSpreadOverMoreThanTheWindowNeverLock() {
        let failures = [0, 300, 600, 900, 1200, 1500, 1800].map { Self.now.addingTimeInterval(TimeInterval($0)) }
        for offset in stride(from: 0, through: 2000, by: 50) {
            #expect(
                Self.policy.decision(failures: failures, now: Self.now.addingTimeInterval(TimeInterval(offset)))
                    == .allowed)
        }
    }

    @Test func theLockRunsItsFullLengthAfterTheEarlyFailuresLeaveTheWindow() {
        // Five failures over 800 s lock at the fifth; the first leaves the window at 900 s, the lock holds on.
        let failures = [0, 200, 400, 600, 800].map { Self.now.addingTimeInterval(TimeInterval($0)) }
        let until = Self.now.addingTimeInterval(1700)
        for offset in [800.0, 899, 900, 901, 1200, 1699] {
            #expect(
                Self.policy.decision(failures: failures, now: Self.now.addingTimeInterval(offset))
                    == .locked(until: until))
        }
        #expect(Self.policy.decision(failures: failures, now: until) == .allowed)
    }

    @Test func aLaterFailureThatDoesNotReachTheLimitKeepsTheEarlierLock() {
        // A burst locks; a lone failure recorded later (against advice) does not shorten or lengthen that lock.
        let burst = (0..<5).map { Self.now.addingTimeInterval(TimeInterval($0)) }
        let lone = Self.now.addingTimeInterval(905)
        let decision = Self.policy.decision(failures: burst + [lone], now: Self.now.addingTimeInterval(906))
        #expect(decision == .allowed)
        let policy = LoginThrottle(maxFailures: 5, window: 60, lockout: 3600)
        #expect(
            policy.decision(failures: burst + [lone], now: Self.now.addingTimeInterval(906))
                == .locked(until: burst[4].addingTimeInterval(3600)))
    }

    @Test func manyStoredFailuresAreDecidedQuickly() {
        // An IP under attack may have tens of thousands of failures; the decision sorts once and searches.
        let failures = (0..<50_000).map { Self.now.addingTimeInterval(-TimeInterval($0) * 0.01) }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(
                Self.policy.decision(failures: failures.shuffled(), now: Self.now) == .locked(until: Self.ago(-900)))
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func theLockEndsAndFiveMoreAttemptsAreAllowed() {
        let burst = (0..<5).map { Self.now.addingTimeInterval(TimeInterval($0)) }
        let lastFailure = burst[4]
        let policy = Self.policy
        #expect(policy.decision(failures: burst, now: lastFailure.addingTimeInterval(1)).isAllowed == false)
        #expect(policy.decision(failures: burst, now: lastFailure.addingTimeInterval(899)).isAllowed == false)
        #expect(policy.decision(failures: burst, now: lastFailure.addingTimeInterval(900)) == .allowed)
        // With the window as long as the lockout, the burst has left the window: four more failures are allowed.
        let later = (1...4).map { lastFailure.addingTimeInterval(900 + TimeInterval($0)) }
        #expect(policy.decision(failures: burst + later, now: lastFailure.addingTimeInterval(905)) == .allowed)
    }

    @Test func withALongerWindowEachFailureAfterALockoutLocksAgain() {
        let policy = LoginThrottle(maxFailures: 5, window: 24 * 3600, lockout: 900)
        let burst = (0..<5).map { Self.now.addingTimeInterval(TimeInterval($0)) }
        let unlocked = burst[4].addingTimeInterval(900)
        #expect(policy.decision(failures: burst, now: unlocked) == .allowed)
        let retry = unlocked.addingTimeInterval(5)
        let decision = policy.decision(failures: burst + [retry], now: retry.addingTimeInterval(1))
        #expect(decision == .locked(until: retry.addingTimeInterval(900)))
    }

    @Test func failuresFromAClockAheadStillCount() {
        let failures = (1...5).map { Self.now.addingTimeInterval(TimeInterval($0)) }
        #expect(
            Self.policy.decision(failures: failures, now: Self.now) == .locked(until: Self.now.addingTimeInterval(905)))
    }

    @Test func customLimits() {
        let strict = LoginThrottle(maxFailures: 1, window: 60, lockout: 30)
        #expect(strict.decision(failures: [Self.ago(10)], now: Self.now) == .locked(until: Self.ago(-20)))
        #expect(strict.decision(failures: [Self.ago(30)], now: Self.now) == .allowed)
        let noLockout = LoginThrottle(maxFailures: 3, window: 60, lockout: 0)
        #expect(noLockout.decision(failures: [Self.ago(3), Self.ago(2), Self.ago(1)], now: Self.now) == .allowed)
    }

    @Test func retryAfterRoundsUpToWholeSecondsAndIsNilWhenAllowed() {
        #expect(LoginThrottle.Decision.allowed.retryAfter(from: Self.now) == nil)
        #expect(LoginThrottle.Decision.allowed.isAllowed)
        let locked = LoginThrottle.Decision.locked(until: Self.now.addingTimeInterval(10.2))
        #expect(locked.retryAfter(from: Self.now) == 11)
        #expect(LoginThrottle.Decision.locked(until: Self.now).retryAfter(from: Self.now) == 1)
    }

    @Test func failuresOlderThanWindowPlusLockoutNeverMatter() {
        #expect(Self.policy.windowStart(now: Self.now) == Self.ago(1800))
        // A lock still running at `now` began after now - lockout, and its window reaches back one window more:
        // a failure almost 1800 s old can still matter, an older one cannot.
        let failures = [1798.5, 901, 900.5, 900.2, 899].map(Self.ago)
        #expect(Self.policy.decision(failures: failures, now: Self.now) == .locked(until: Self.ago(-1)))
        let older = [1800, 901, 900.5, 900.2, 899].map(Self.ago)
        #expect(Self.policy.decision(failures: older, now: Self.now) == .allowed)
    }
}
