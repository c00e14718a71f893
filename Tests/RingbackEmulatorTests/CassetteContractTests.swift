import Foundation
import RingbackJSON
import Testing

@testable import RingbackEmulator

/// Replays the Sheets requests of recorded Google traffic (gspread's VCR cassettes) against the emulator and compares
/// status codes and JSON bodies with what Google answered.
///
/// Normalisations, and why each is legitimate:
/// - Spreadsheet ids: none needed. The recorded Drive "create" is replayed by creating a spreadsheet with the recorded id
///   and name, so every id, `spreadsheetUrl` and `spreadsheetId` field is compared as recorded.
/// - sheetIds that the server chose for `addSheet`: Google draws them at random, so the emulator's differ. The harness
///   maps each recorded id to the emulator's (from the two `addSheet` replies), rewrites later request bodies with the
///   emulator's id and the emulator's replies back to the recorded one. Any other difference still fails.
/// - Drive requests (create, metadata get, delete) are not part of Ringback's surface and are not compared; creation is
///   replayed through the library API as described above.
@Suite struct CassetteContractTests {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/google/cassettes/gspread")

    static let cassettes: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Recorded exchanges the emulator does not reproduce, by cassette and interaction index, with the reason.
    static let knownExceptions: [String: String] = [:]

    struct Outcome {
        var compared = 0
        var matched = 0
        var excepted = 0
        var mismatches: [String] = []
    }

    static func mapSheetIDs(_ value: JSONValue, _ map: [Int: Int]) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, child) in members {
                if key == "sheetId", let id = child.int, let mapped = map[id] {
                    result[key] = .number(Double(mapped))
                } else {
                    result[key] = mapSheetIDs(child, map)
                }
            }
            return .object(result)
        case .array(let items): return .array(items.map { mapSheetIDs($0, map) })
        default: return value
        }
    }

    static func replay(_ name: String) async throws -> Outcome {
        // The emulator's own byte-level reader: the cassettes are large and JSONDecoder is slow in debug builds.
        let cassette = try JSONValue.parse(Array(try Data(contentsOf: directory.appendingPathComponent(name))))
        let harness = try EmulatorHarness()
        try await harness.signIn()
        let interactions = cassette["interactions"]?.array ?? []
        // Spreadsheets Google refused with 403 exist but are not shared with the recording account.
        for interaction in interactions where interaction["response"]?["status"]?["code"]?.int == 403 {
            let uri = interaction["request"]?["uri"]?.string ?? ""
            if let range = uri.range(of: "/v4/spreadsheets/") {
                let id = uri[range.upperBound...].prefix { $0 != "?" && $0 != "/" && $0 != ":" }
                harness.emulator.createSpreadsheet(id: String(id), sharedWith: ["someone-else@example.com"])
            }
        }
        var toEmulator: [Int: Int] = [:], toRecorded: [Int: Int] = [:]
        var outcome = Outcome()
        for (index, interaction) in interactions.enumerated() {
            guard let request = interaction["request"], let response = interaction["response"],
                let method = request["method"]?.string, let uri = request["uri"]?.string
            else { continue }
            let recordedBody = response["body"]?["string"]?.string ?? ""
            if uri.hasPrefix("https://www.googleapis.com/drive/v3/files") {
                if method == "POST", let created = try? JSONValue.parse(Data(recordedBody.utf8)),
                    let id = created["id"]?.string, let title = created["name"]?.string
                {
                    harness.emulator.createSpreadsheet(id: id, title: title)
                }
                continue
            }
            guard uri.hasPrefix("https://sheets.googleapis.com") else { continue }
            let path = String(uri.dropFirst("https://sheets.googleapis.com".count))
            var body: Data?
            let rawBody = request["body"]?.string ?? request["body"]?["string"]?.string
            if let rawBody, !rawBody.isEmpty, let parsed = try? JSONValue.parse(Data(rawBody.utf8)) {
                body = Data(mapSheetIDs(parsed, toEmulator).bytes())
            }
            let reply = try await harness.send(method, path, body: body)
            let expectedStatus = response["status"]?["code"]?.int ?? 0
            let expected = try? JSONValue.parse(Data(recordedBody.utf8))
            if let expectedReplies = expected?["replies"]?.array, let actualReplies = reply.json?["replies"]?.array {
                for (recorded, actual) in zip(expectedReplies, actualReplies) {
                    if let a = recorded["addSheet"]?["properties"]?["sheetId"]?.int, let b = actual["addSheet"]?["properties"]?["sheetId"]?.int {
                        toEmulator[a] = b
                        toRecorded[b] = a
                    }
                }
            }
            let actual = reply.json.map { mapSheetIDs($0, toRecorded) }
            outcome.compared += 1
            let key = "\(name)#\(index)"
            if reply.status == expectedStatus && actual == expected {
                outcome.matched += 1
            } else if knownExceptions[key] != nil {
                outcome.excepted += 1
            } else {
                outcome.mismatches.append(
                    "\(key) \(method) \(path)\n  expected \(expectedStatus) \(expected?.text ?? recordedBody)\n  actual   \(reply.status) \(actual?.text ?? reply.text)"
                )
            }
        }
        return outcome
    }

    @Test func cassettesArePresent() {
        #expect(Self.cassettes.count >= 20, "recorded Google traffic expected in \(Self.directory.path)")
    }

    @Test func recordedSheetsTrafficReplays() async throws {
        var compared = 0, matched = 0, excepted = 0
        for name in Self.cassettes {
            let outcome = try await Self.replay(name)
            #expect(outcome.compared > 0, "\(name): no Sheets exchanges replayed")
            #expect(outcome.mismatches.isEmpty, "\(name):\n\(outcome.mismatches.joined(separator: "\n"))")
            compared += outcome.compared
            matched += outcome.matched
            excepted += outcome.excepted
        }
        print("recorded Sheets exchanges: \(compared) compared, \(matched) matched exactly, \(excepted) named exceptions")
        #expect(compared >= 200)
        #expect(matched + excepted == compared)
        #expect(Double(matched) >= 0.9 * Double(compared))
    }

    @Test func everyKnownExceptionStillDiffers() async throws {
        // A named exception that starts matching should be removed from the list.
        for key in Self.knownExceptions.keys {
            let name = String(key.split(separator: "#")[0])
            let outcome = try await Self.replay(name)
            #expect(outcome.excepted > 0, "\(key) now matches; drop it from knownExceptions")
        }
    }
}
