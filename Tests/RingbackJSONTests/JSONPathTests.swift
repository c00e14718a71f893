import Testing

@testable import RingbackJSON

/// Paths into lists: positions, the last item, the first item matching a sibling, and mistakes
/// reported with the character they are at.
@Suite struct JSONPathTests {
    static let call: JSONValue = try! JSONValue.parse(
        Array(
            #"""
            {"participants": [{"role": "internal", "phoneNumber": "+15125550100"},
                              {"role": "external", "phoneNumber": "+17205550111"}],
             "tags": ["a", "b", "c"], "meta": {"total": 2}}
            """#.utf8))

    private func value(_ path: String) throws -> JSONValue? {
        try JSONPath(parsing: path).value(in: Self.call)
    }

    @Test func positionsCountFromTheStartOrFromTheEnd() throws {
        #expect(try value("tags[0]") == "a")
        #expect(try value("tags[-1]") == "c")
        #expect(try value("tags[3]") == nil)
        #expect(try value("tags[-4]") == nil)
        #expect(try value("participants[1].phoneNumber") == "+17205550111")
    }

    @Test func aFilterPicksTheFirstItemWhoseMemberMatches() throws {
        #expect(try value(#"participants[?role == "external"].phoneNumber"#) == "+17205550111")
        #expect(try value("participants[?role=='internal'].phoneNumber") == "+15125550100")
        #expect(try value("participants[?role != internal].phoneNumber") == "+17205550111")
        #expect(try value(#"participants[?role == "agent"].phoneNumber"#) == nil)
        #expect(try value("meta[0]") == nil)
    }

    @Test func plainDottedPathsReadAsBefore() throws {
        #expect(try value("meta.total") == 2)
        #expect(try value("") == Self.call)
        #expect(Self.call.value(at: "participants[-1].role") == "external")
    }

    @Test(arguments: [
        ("participants[", 14, "expected a list position"),
        ("participants[x]", 14, "expected a list position"),
        ("participants[0", 15, "expected `]`"),
        ("participants[?role = 'x']", 20, "expected `==` or `!=`"),
        ("participants[?role == 'x]", 23, "not closed"),
        ("a..b", 3, "expected a member name"),
        (".a", 1, "cannot start with `.`"),
        ("a]b", 2, "without a `[`"),
        ("a[0]b", 5, "expected `.` or `[`"),
        ("a[?]", 4, "expected the member to compare"),
    ])
    func mistakesNameTheCharacter(path: String, position: Int, message: String) {
        #expect {
            try JSONPath(parsing: path)
        } throws: { error in
            guard let problem = error as? JSONPath.Problem else { return false }
            return problem.position == position && problem.message.contains(message)
        }
    }
}
