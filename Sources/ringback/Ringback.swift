import ArgumentParser

@main
struct Ringback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ringback",
        abstract: "Turns missed calls from phone-system exports into a follow-up sheet and calendar.",
        discussion: """
            Exit codes: 0 success (no changes pending), 1 unexpected error, 2 changes pending \
            (sync --dry-run --detailed-exitcode), 3 invalid configuration or mapping, \
            4 another run holds the lock, 5 a file, target or the state store could not be read or written, \
            6 a source brought nothing (no file matches, or no new call for stale_after_hours), \
            7 records were rejected (sync --fail-on-rejects).
            """,
        subcommands: [
            SyncCommand.self, ValidateCommand.self, InspectCommand.self, ExplainCommand.self, EvalCommand.self, ReportCommand.self,
            InitCommand.self,
        ])
}
