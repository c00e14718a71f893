import RingbackTesting

/// Runs the built `ringback` as cron or a person would; shared with the other test targets.
typealias CommandRunner = RingbackTesting.CommandRunner
