import Foundation
import RingbackStore
import RingbackSync

// For the crash-repair tests only (not shipped): one sync of `CONFIG` at `NOW`, like `ringback sync`, that
// stops between writing the targets and committing the state, touches `MARKER`, and waits to be killed.
let arguments = CommandLine.arguments
guard arguments.count == 4, let now = ISO8601DateFormatter().date(from: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: ringback-kill-harness CONFIG NOW MARKER\n".utf8))
    exit(64)
}
let config = try ConfigLoader.load(path: arguments[1])
let lock = try RunLock(path: config.statePath + ".lock")
let engine = try SyncEngine(config: config, store: try SQLiteStateStore(path: config.statePath))
let run = try engine.prepare(now: now)
try engine.apply(run, finishedAt: now) {
    _ = FileManager.default.createFile(atPath: arguments[3], contents: Data("paused\n".utf8))
    sleep(120)
}
withExtendedLifetime(lock) {}
