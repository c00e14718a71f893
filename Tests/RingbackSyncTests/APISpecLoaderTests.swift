import Foundation
import RingbackMapping
import RingbackYAML
import Testing

/// The `api:` section of a mapping file: what the shipped mappings say, and mistakes named by file, line and key.
@Suite struct APISpecLoaderTests {
    static let mappingHead = """
        name: example-calls
        format: json
        json: { records: calls }
        fields: { id: id, start: start, from: from, direction: direction, status: status }
        time_format: iso8601
        direction: { inbound: [in], outbound: [out] }
        outcome:
          answered_when: [{ status: [answered] }]

        """

    static func load(_ api: String, format: String = "json") throws(YAMLFileError) -> MappingSpec {
        try MappingSpecLoader.load(
            yaml: mappingHead.replacingOccurrences(of: "format: json", with: "format: \(format)") + api,
            file: "mappings/example-calls.yaml")
    }

    static func problem(_ api: String, format: String = "json") -> String {
        do {
            _ = try load(api, format: format)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func theShippedMappingsDescribeEachSystemsPaging() throws {
        let folder = SampleWorkspace.repository.appendingPathComponent("mappings")
        func spec(_ name: String) throws -> APISpec? {
            let path = folder.appendingPathComponent("\(name).yaml").path
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return try MappingSpecLoader.load(yaml: String(decoding: data, as: UTF8.self), file: path).api
        }
        let twilio = try #require(try spec("twilio-calls-json"))
        #expect(twilio.auth == .basic(usernameVariable: "TWILIO_ACCOUNT_SID", passwordVariable: "TWILIO_AUTH_TOKEN"))
        #expect(twilio.paging == .nextURI(field: "next_page_uri"))
        #expect(twilio.since == .init(parameter: "StartTime>", format: .date))
        #expect(twilio.variables == ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"])
        let callrail = try #require(try spec("callrail-calls-json"))
        #expect(callrail.paging == .pageCounter(parameter: "page", totalPagesField: "total_pages", firstPage: 1))
        #expect(callrail.secretVariables == ["CALLRAIL_ACCOUNT_ID", "CALLRAIL_API_KEY"])
        if let ringcentral = try spec("ringcentral-call-log-json") {
            #expect(ringcentral.paging == .nextURI(field: "navigation.nextPage.uri"))
            #expect(ringcentral.auth == .bearer(tokenVariable: "RINGCENTRAL_ACCESS_TOKEN"))
        }
        if let aircall = try spec("aircall-calls-json") {
            #expect(aircall.paging == .nextURI(field: "meta.next_page_link"))
            #expect(aircall.since?.format == .epoch)
        }
        #expect(try spec("asterisk-cdr-csv") == nil)
    }

    @Test func aSectionReadsEveryKey() throws {
        let spec = try #require(
            try Self.load(
                """
                api:
                  base_url: https://calls.example.invalid/
                  path: /v2/${ACCOUNT}/calls
                  query: { view: Detailed }
                  auth: { type: header, name: X-Api-Key, value: "${KEY}" }
                  page_size: { parameter: limit, value: 50 }
                  since: { parameter: from, format: epoch }
                  next_page: { token_field: cursor.next, token_parameter: cursor }
                  max_pages: 20
                """
            ).api)
        #expect(spec.baseURL == "https://calls.example.invalid")
        #expect(spec.path.description == "/v2/${ACCOUNT}/calls")
        #expect(spec.query.map(\.name) == ["view"])
        #expect(spec.pageSize == .init(parameter: "limit", value: 50))
        #expect(spec.paging == .token(field: "cursor.next", parameter: "cursor"))
        #expect(spec.maxPages == 20)
        #expect(spec.variables == ["ACCOUNT", "KEY"])
        #expect(spec.secretVariables == ["ACCOUNT", "KEY"])
        #expect(spec.origin == "mappings/example-calls.yaml:10")
    }

    @Test func mistakesNameFileLineAndKey() {
        let base = "api:\n  base_url: https://x.example.invalid\n  path: /calls\n"
        #expect(Self.problem(base) == "mappings/example-calls.yaml:10: api.auth: is required")
        #expect(
            Self.problem(base + "  auth: { type: bearer, token_env: \"sk_live_123:abc\" }\n")
                == "mappings/example-calls.yaml:12: api.auth.token_env: expected the NAME of an environment variable (like TWILIO_AUTH_TOKEN), not its value"
        )
        #expect(
            Self.problem(base + "  auth: { type: header, name: Authorization, value: Token abc }\n")
                .hasPrefix("mappings/example-calls.yaml:12: api.auth.value: name the credential's environment variable as ${NAME}"))
        #expect(
            Self.problem(base + "  auth: { type: oauth }\n")
                == "mappings/example-calls.yaml:12: api.auth.type: expected basic, bearer, header or none")
        #expect(
            Self.problem(base + "  auth: { type: none }\n  next_page: { uri_field: next, token_field: t }\n")
                .hasPrefix("mappings/example-calls.yaml:13: api.next_page: expected one way to the next page"))
        #expect(
            Self.problem(base + "  auth: { type: none }\n  since: { parameter: from, format: unix }\n")
                == "mappings/example-calls.yaml:13: api.since.format: expected one of: iso8601, date, epoch")
        #expect(
            Self.problem("api:\n  base_url: ftp://x\n  path: /calls\n  auth: { type: none }\n")
                == "mappings/example-calls.yaml:10: api.base_url: expected an http:// or https:// URL like https://api.twilio.com")
        #expect(
            Self.problem("api:\n  base_url: https://x.example.invalid\n  path: /a/${ACCOUNT/calls\n  auth: { type: none }\n")
                == "mappings/example-calls.yaml:11: api.path: `${` is not closed with `}`")
        #expect(Self.problem(base + "  auth: { type: none }\n  retries: 3\n").contains("api.retries: unknown key"))
    }
}
