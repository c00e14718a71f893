import Foundation

/// One changed copy of `samples/ringback.yaml`, with what `ringback validate` should make of it.
struct ConfigMutation: Sendable {
    enum Expectation: String, Sendable {
        /// Still a configuration Ringback can run: `validate` must exit 0.
        case valid
        /// A mistake: `validate` must exit 3 with one located line.
        case invalid
        /// Depends on which line was touched (a deleted or re-indented line): either answer, but never a crash.
        case either
    }

    var name: String
    var text: String
    var expectation: Expectation
    /// The line a rejection must name, when the mutation has one clear place (a duplicate, a bad value).
    var line: Int?
}

/// Generates a deterministic set of mutations of the sample configuration: every value of a kind
/// (zones, ZIPs, paths, owners, numbers) gets its wrong and right variants, and seeded picks of lines
/// are deleted, duplicated, emptied, nulled, retyped, left with an open quote or re-indented.
struct ConfigMutator {
    /// A `key: value` line of the sample, with the key's dotted path (list items drop their index).
    struct KeyLine {
        var number: Int
        var indent: String
        var key: String
        var path: String
        var value: String
        var comment: String
        var isListItem: Bool

        /// The value opens a flow list or mapping that goes on below this line.
        var opensFlow: Bool {
            value.filter { $0 == "[" }.count > value.filter { $0 == "]" }.count
                || value.filter { $0 == "{" }.count > value.filter { $0 == "}" }.count
        }
    }

    let lines: [String]
    let keyLines: [KeyLine]
    private var random: SplitMix

    init(sample: String, seed: UInt64) {
        lines = sample.components(separatedBy: "\n")
        keyLines = Self.keyLines(lines)
        random = SplitMix(seed: seed)
    }

    mutating func all() -> [ConfigMutation] {
        var out: [ConfigMutation] = []
        out += zones() + zips() + paths() + owners() + numbers()
        out += pick(deletions(), 60) + pick(duplicates(), 40) + pick(empties(), 35) + pick(nulls(), 35)
        out += pick(wrongTypes(), 30) + pick(openQuotes(), 30) + pick(indentations(), 30)
        return out
    }

    // MARK: - Targeted values

    private func zones() -> [ConfigMutation] {
        let wrong = [
            "MST", "EST", "GMT-7", "UTC+5", "GMT+5", "GMT+14:30", "America/Chicago/", "Mountain", "CST", "PST8", "\"\"",
            "\"-07:00\"", "{ fixed_offset: \"7\" }", "{ fixed_offset: \"+25:00\" }", "{ fixed_offset: \"-07:00\", dst: yes }",
        ]
        let right = [
            "America/Denver", "Europe/London", "Australia/Sydney", "America/Indiana/Indianapolis", "UTC",
            "{ fixed_offset: \"-07:00\" }", "{ fixed_offset: \"+05:30\" }", "{ fixed_offset: \"+00:00\" }",
        ]
        return keyLines.filter { $0.key == "time_zone" }.flatMap { line in
            wrong.map { replacing(line, with: $0, .invalid, "zone") } + right.map { replacing(line, with: $0, .valid, "zone") }
        }
    }

    private func zips() -> [ConfigMutation] {
        guard let line = keyLines.first(where: { $0.key == "service_area_zips" }) else { return [] }
        let wrong = ["[787O1, abc, -5]", "[7870]", "[787011]", "[\"78701-1234\"]", "[78701, \"\"]", "[K1A 0B1]", "[78701, 7.87]"]
        let right = ["[\"78701\", 78702]", "[\"08701\"]", "[]", "[ 78701 ]"]
        var out = wrong.map { replacing(line, with: $0, .invalid, "zip") } + right.map { replacing(line, with: $0, .valid, "zip") }
        guard let country = keyLines.first(where: { $0.key == "default_country" }) else { return out }
        let abroad: [(String, String, ConfigMutation.Expectation)] = [
            ("CA", "[K1A 0B1, \"M5V 3L9\", m5v3l9]", .valid), ("CA", "[78701]", .invalid),
            ("GB", "[SW1A 1AA, M1 1AE]", .valid), ("GB", "[SW1A]", .invalid),
            ("AU", "[2000, \"3000\"]", .valid), ("AU", "[20000]", .invalid),
        ]
        for (code, value, expectation) in abroad {
            var copy = lines
            copy[country.number - 1] = "\(country.indent)default_country: \(code)"
            copy[line.number - 1] = "\(line.indent)service_area_zips: \(value)"
            out.append(
                .init(
                    name: "zip: \(code) \(value)", text: copy.joined(separator: "\n"), expectation: expectation,
                    line: expectation == .invalid ? line.number : nil))
        }
        return out
    }

    private func paths() -> [ConfigMutation] {
        let wrong: [String: [String]] = [
            "mappings_dir": ["../no-such-dir", "\"\"", "../samples/ringback.yaml", "lists"],
            "state": ["\"\"", "/dev/null/state.sqlite", "../samples", "/proc/self/state.sqlite", "../samples/ringback.yaml/x.sqlite"],
            "rejects": ["\"\"", "/dev/null/rejects.csv", "../samples"],
            "status": ["\"\"", "/dev/null/status.csv", "../samples"],
            "path": ["\"\"", "/dev/null/x", "../samples", "\"  \""],
            "customers": ["lists/no-such.csv", "\"\"", "lists"],
            "files": ["\"\""],
        ]
        let right: [String: [String]] = [
            "state": ["../out/nested/deeper/state.sqlite", "ringback-state.sqlite", "/tmp/ringback-mutation-state.sqlite"],
            "rejects": ["../out/new/rejects.csv"],
            "mappings_dir": ["../mappings/"],
        ]
        var out: [ConfigMutation] = []
        for line in keyLines {
            out += (wrong[line.key] ?? []).map { replacing(line, with: $0, .invalid, "path") }
            out += (right[line.key] ?? []).map { replacing(line, with: $0, .valid, "path") }
        }
        return out
    }

    private func owners() -> [ConfigMutation] {
        keyLines.filter { $0.key == "owner" || $0.key == "after_hours_owner" || $0.key == "name" }.flatMap { line in
            ["\"\"", "\"   \"", "~"].map { value -> ConfigMutation in
                let optional = line.key == "after_hours_owner" || line.path == "targets.name"
                return replacing(line, with: value, value == "~" && optional ? .valid : .invalid, "owner")
            } + [replacing(line, with: "Mike (on call)", .valid, "owner")]
        }
    }

    private func numbers() -> [ConfigMutation] {
        let keys: Set<String> = ["window_hours", "repeat_calls_for_same_day", "callback_minutes", "default_job_minutes", "sla_minutes"]
        return keyLines.filter { keys.contains($0.key) }.enumerated().flatMap { index, line in
            let wrong = index % 2 == 0 ? ["abc", "-5", "0", "1.5", "~"] : ["99999999999999999999", "[1]", "\"\"", "~"]
            return wrong.map { value -> ConfigMutation in
                let optional = line.path.hasPrefix("follow_up.") && value == "~"
                return replacing(line, with: value, optional ? .valid : .invalid, "number")
            } + [replacing(line, with: "45", .valid, "number")]
        }
            + keyLines.filter { $0.key == "around_the_clock" }.flatMap { line in
                [replacing(line, with: "maybe", .invalid, "bool"), replacing(line, with: "no", .valid, "bool")]
            }
    }

    // MARK: - Line edits

    private func deletions() -> [ConfigMutation] {
        lines.indices.map { index in
            var copy = lines
            let removed = copy.remove(at: index).trimmingCharacters(in: .whitespaces)
            let harmless = removed.isEmpty || removed.hasPrefix("#")
            return .init(name: "delete line \(index + 1)", text: copy.joined(separator: "\n"), expectation: harmless ? .valid : .either)
        }
    }

    private func duplicates() -> [ConfigMutation] {
        keyLines.filter { !$0.isListItem }.map { line in
            var copy = lines
            copy.insert(lines[line.number - 1], at: line.number)
            // A copy of a line that opens a list (or a flow mapping) continued below lands inside it: no clear line.
            let opensList = line.opensFlow
            return .init(
                name: "duplicate \(line.path) (line \(line.number))", text: copy.joined(separator: "\n"),
                expectation: .invalid, line: opensList ? nil : line.number + 1)
        }
    }

    private func empties() -> [ConfigMutation] {
        valued.filter { !$0.path.hasPrefix("keywords.") }.map { replacing($0, with: "\"\"", .invalid, "empty") }
    }

    private func nulls() -> [ConfigMutation] {
        let optional: Set<String> = [
            "business.default_country", "business.internal_extensions", "business.service_area_zips",
            "sources.mapping", "sources.time_zone", "state", "rejects", "status", "targets.name",
        ]
        return valued.filter { !$0.path.hasPrefix("keywords.") }.map { line in
            // Every booking setting but a crew's name and calendar, and every script, has a default.
            let booking =
                line.path.hasPrefix("booking.") && !line.path.hasPrefix("booking.hours.")
                && !["booking.crews.name", "booking.crews.ics", "booking.crews.google_calendar"].contains(line.path)
            let isOptional =
                optional.contains(line.path) || line.path.hasPrefix("follow_up.") || line.path == "services.job_minutes"
                || ["after_hours_owner", "around_the_clock", "next_action"].contains(line.key) || booking || line.path.hasPrefix("scripts.")
            return replacing(line, with: "~", isOptional ? .valid : .invalid, "null")
        }
    }

    private func wrongTypes() -> [ConfigMutation] {
        let listValued: Set<String> = [
            "internal_extensions", "service_area_zips", "files", "emergency", "same_day", "complex_quote", "wrong_number",
            "keywords", "staff_review", "resolved", "vendor", "spam", "existing_customer", "active_job", "cancel", "trades",
        ]
        return valued.map { line in
            // Every list of keywords (a safety issue's phrases under `keywords.emergency`, too) is a list.
            let isList = listValued.contains(line.key) || line.path.hasPrefix("keywords.")
            return replacing(line, with: isList ? "{ a: 1 }" : "[one, two]", .invalid, "type")
        }
    }

    private func openQuotes() -> [ConfigMutation] {
        valued.flatMap { line in
            let bare = line.value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return [replacing(line, with: "\"" + bare, .invalid, "open quote"), replacing(line, with: "'" + bare, .invalid, "open quote")]
        }
    }

    private func indentations() -> [ConfigMutation] {
        keyLines.flatMap { line in
            [" ", "   "].map { extra -> ConfigMutation in
                var copy = lines
                copy[line.number - 1] = extra + lines[line.number - 1]
                return .init(name: "indent line \(line.number) by \(extra.count)", text: copy.joined(separator: "\n"), expectation: .either)
            }
                + (line.indent.isEmpty
                    ? []
                    : [
                        ConfigMutation(
                            name: "outdent line \(line.number)",
                            text: {
                                var copy = lines; copy[line.number - 1] = String(lines[line.number - 1].dropFirst());
                                return copy.joined(separator: "\n")
                            }(),
                            expectation: .either)
                    ])
        }
    }

    // MARK: - Helpers

    /// Key lines with a scalar or flow value on the line itself (not a block's parent, not a flow mapping item).
    private var valued: [KeyLine] { keyLines.filter { !$0.value.isEmpty && !$0.value.hasPrefix("{") } }

    private func replacing(_ line: KeyLine, with value: String, _ expectation: ConfigMutation.Expectation, _ kind: String) -> ConfigMutation {
        var copy = lines
        let dash = line.isListItem ? "- " : ""
        copy[line.number - 1] = "\(line.indent)\(dash)\(line.key): \(value)\(line.comment)"
        // A list continued on the lines below leaves them dangling: the mistake may be found on either.
        let opensList = line.opensFlow
        return .init(
            name: "\(kind): \(line.path) = \(value) (line \(line.number))", text: copy.joined(separator: "\n"),
            expectation: expectation, line: expectation == .invalid && !opensList ? line.number : nil)
    }

    private mutating func pick(_ candidates: [ConfigMutation], _ count: Int) -> [ConfigMutation] {
        var pool = candidates
        var out: [ConfigMutation] = []
        while out.count < count, !pool.isEmpty {
            out.append(pool.remove(at: Int(random.next() % UInt64(pool.count))))
        }
        return out
    }

    private static func keyLines(_ lines: [String]) -> [KeyLine] {
        var stack: [(indent: Int, key: String)] = []
        var out: [KeyLine] = []
        for (index, raw) in lines.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indent = raw.prefix { $0 == " " }.count
            let isListItem = trimmed.hasPrefix("- ")
            let body = isListItem ? String(trimmed.dropFirst(2)) : trimmed
            guard !body.hasPrefix("{"), !body.hasPrefix("\""), let colon = body.range(of: ":"),
                body[..<colon.lowerBound].allSatisfy({ $0.isLetter || $0 == "_" || $0 == " " || $0 == "," })
            else { continue }
            let keyIndent = isListItem ? indent + 2 : indent
            while let last = stack.last, last.indent >= keyIndent { stack.removeLast() }
            let key = String(body[..<colon.lowerBound])
            let (value, comment) = splitComment(String(body[colon.upperBound...]))
            out.append(
                KeyLine(
                    number: index + 1, indent: String(repeating: " ", count: indent), key: key,
                    path: (stack.map(\.key) + [key]).joined(separator: "."), value: value, comment: comment,
                    isListItem: isListItem))
            stack.append((keyIndent, key))
        }
        return out
    }

    /// `  value   # note` → (`value`, `   # note`), leaving a `#` inside quotes alone.
    private static func splitComment(_ rest: String) -> (String, String) {
        var quote: Character?
        var index = rest.startIndex
        while index < rest.endIndex {
            let c = rest[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#",
                index == rest.startIndex || rest[rest.index(before: index)] == " "
            {
                let value = rest[..<index].trimmingCharacters(in: .whitespaces)
                let spaces = rest[..<index].reversed().prefix { $0 == " " }.count
                return (value, String(repeating: " ", count: max(spaces, 1)) + rest[index...])
            }
            index = rest.index(after: index)
        }
        return (rest.trimmingCharacters(in: .whitespaces), "")
    }
}

/// SplitMix64: a tiny seeded generator, so the mutation set is the same on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
