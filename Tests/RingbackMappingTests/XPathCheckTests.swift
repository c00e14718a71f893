import Testing
@testable import RingbackMapping

@Suite struct XPathCheckTests {
    @Test(arguments: [
        "/cdr", "variables/uuid", "variables/uuid | callflow/caller_profile/uuid", ".//abbr[@class='published']/@title",
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' haudio ')]", "a[@rel = 'tag'][. = 'Missed' or . = \"Placed\"]",
        "callflow[last()]/caller_profile/destination_number", "(//record)[2]", "child::a/descendant-or-self::node()/text()",
        "..", "@id", "*[position() > 1 and not(@hidden)]", "id('x')/b", "a[string-length(normalize-space(.)) div 2 > 3]",
        "a[substring(@v, 1, 2) = '12']", "processing-instruction('x')", "div[count(p) mod 2 = 1]", "a[-1 < 2]",
    ])
    func selectsNodes(expression: String) {
        guard case .success(let type) = XPathCheck.check(expression) else {
            Issue.record("\(expression): \(XPathCheck.check(expression))")
            return
        }
        #expect(type == .nodeSet)
    }

    @Test(arguments: [
        ("count(a)", XPathCheck.ValueType.number), ("string(a)", .string), ("a = 'b'", .boolean), ("'x'", .string), ("1 + 2", .number),
    ])
    func typesOfOtherExpressions(expression: String, type: XPathCheck.ValueType) throws {
        #expect(try XPathCheck.check(expression).get() == type)
    }

    /// Each of these would stop the process inside the XML library if it reached it.
    @Test(arguments: [
        ("a[", "expected an expression before the end"),
        ("//", "expected a name or `*` before the end"),
        ("a/", "expected a name or `*` before the end"),
        ("frobnicate(a)", "unknown function `frobnicate()`"),
        ("$uuid", "variables (`$…`) cannot be used"),
        ("x:cdr", "namespace prefixes (`x:`) cannot be used"),
        ("count('x')", "`count()` needs a node-set, not a string"),
        ("concat('a')", "`concat()` takes at least 2 arguments, not 1"),
        ("last(a)", "`last()` takes 0 arguments, not 1"),
        ("'a' | b", "`|` joins node-sets, not a string"),
        ("string(a)/b", "`/` continues a node-set, not a string"),
        ("'abc'[1]", "a predicate `[…]` filters node-sets, not a string"),
        ("sideways::a", "unknown axis `sideways::`"),
        ("namespace::*", "the `namespace::` axis cannot be used"),
        ("a[@b = 'c]", "text opened with ' is not closed"),
        ("a b", "unexpected `b`"),
        ("", "empty expression"),
    ])
    func refusesWhatTheLibraryCannotEvaluate(expression: String, message: String) {
        guard case .failure(let problem) = XPathCheck.check(expression) else {
            Issue.record("\(expression) was accepted")
            return
        }
        #expect(problem.message.hasPrefix(message), "\(expression): \(problem)")
        #expect(problem.position >= 1)
    }
}
