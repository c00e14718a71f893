import Foundation
import Logging
import RingbackJSON
import Testing

@testable import RingbackLogging

@Suite struct ConcurrencyTests {
    static let tasks = 32
    static let perTask = 200

    @Test func manyTasksOnOneMemorySinkGiveWholeLines() async throws {
        let (logger, sink) = makeLogger(.json)
        await Self.logFromManyTasks(logger)
        let lines = sink.lines
        #expect(lines.count == Self.tasks * Self.perTask)
        try Self.expectEveryRecordOnce(lines)
    }

    @Test func manyTasksOnStandardErrorStyleSinkGiveWholeLines() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-log-\(UUID().uuidString)").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { unlink(path) }
        let sink = StandardErrorSink(fileDescriptor: descriptor)
        let logger = Logger(label: "ringback.sync") { JSONLinesLogHandler(label: $0, sink: sink, clock: fixedClock) }
        await Self.logFromManyTasks(logger)
        close(descriptor)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == Self.tasks * Self.perTask)
        try Self.expectEveryRecordOnce(lines)
    }

    private static func logFromManyTasks(_ logger: Logger) async {
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for index in 0..<perTask {
                        logger.info(
                            "row\nwith \"quotes\" \(String(repeating: "x", count: index % 50))",
                            metadata: ["task": "\(task)", "index": "\(index)"])
                    }
                }
            }
        }
    }

    /// Every line parses on its own and every (task, index) pair appears exactly once.
    private static func expectEveryRecordOnce(_ lines: [String]) throws {
        var seen = Set<String>()
        for line in lines {
            let parsed = try JSONValue.parse(Array(line.utf8))
            let key = "\(parsed["task"]?.string ?? "?")/\(parsed["index"]?.string ?? "?")"
            #expect(seen.insert(key).inserted)
        }
        #expect(seen.count == tasks * perTask)
    }
}
