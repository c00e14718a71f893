import RingbackYAML

/// Reads a mapping file's optional `api:` section and checks it, naming the file, line and key of every mistake.
public enum APISpecLoader {

    /// The `api:` section of a mapping file's root, or nil when the mapping has none.
    public static func load(in root: YAMLValue, format: MappingSpec.Format) throws(YAMLFileError) -> APISpec? {
        guard let node = try root.optional("api") else { return nil }
        guard format == .json else {
            throw node.error("API sources read JSON pages; this mapping's format is \(format.rawValue)")
        }
        return try load(node)
    }

    static func load(_ node: YAMLValue) throws(YAMLFileError) -> APISpec {
        try node.allowOnly(MappingKeys.sections["api"]!)
        let baseNode = try node.required("base_url")
        let base = try baseNode.string().trimmingCharacters(in: .whitespaces)
        guard isHTTPURL(base) else { throw baseNode.error("expected an http:// or https:// URL like https://api.twilio.com") }

        let pathNode = try node.required("path")
        let path = try template(pathNode)
        guard path.description.hasPrefix("/") else { throw pathNode.error("expected a path starting with /") }

        var query: [APISpec.QueryParameter] = []
        for (name, value) in try node.optional("query")?.entries() ?? [] {
            query.append(.init(name: name, value: try template(value)))
        }

        var spec = APISpec(
            baseURL: base.hasSuffix("/") ? String(base.dropLast()) : base, path: path, query: query,
            auth: try auth(try node.required("auth")), paging: try paging(try node.optional("next_page")),
            pageSize: try pageSize(try node.optional("page_size")), since: try since(try node.optional("since")),
            maxPages: try node.optional("max_pages")?.int(min: 1, max: 100_000) ?? 1_000,
            origin: node.line.map { "\(node.file):\($0)" } ?? node.file)
        spec.followUps = try followUps(try node.optional("follow_up"))
        return spec
    }

    /// The `follow_up:` list: per record, a sub-resource to fetch and merge in.
    private static func followUps(_ node: YAMLValue?) throws(YAMLFileError) -> [APIFollowUp] {
        guard let node else { return [] }
        var out: [APIFollowUp] = []
        for item in try node.items() {
            try item.allowOnly(MappingKeys.sections["api.follow_up.ITEM"]!)
            let pathNode = try item.required("path")
            let path = try pathNode.string()
            guard path.hasPrefix("/") else { throw pathNode.error("expected a path starting with /, like /v1/call-voicemails/{id}") }
            var followUp = APIFollowUp(
                name: try item.required("name").string(), path: path, records: try item.optional("records")?.string() ?? "",
                when: [], maxPerRun: try item.optional("max_per_run")?.int(min: 1, max: 100_000) ?? 200)
            if followUp.placeholders.isEmpty {
                throw pathNode.error("name the record's field the request is for between braces, like /v1/call-voicemails/{id}")
            }
            for placeholder in followUp.placeholders { try MappingSpecLoader.checkJSONPath(placeholder, at: pathNode) }
            if let records = try item.optional("records") { try MappingSpecLoader.checkJSONPath(followUp.records, at: records) }
            if let when = try item.optional("when") {
                followUp.when = try MappingSpecLoader.conditions(when) { path, at throws(YAMLFileError) in
                    try MappingSpecLoader.checkJSONPath(path, at: at)
                }
            }
            out.append(followUp)
        }
        return out
    }

    public static func isHTTPURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        let host = lower.drop(while: { $0 != ":" }).dropFirst(3).prefix(while: { $0 != "/" && $0 != "?" })
        return !host.isEmpty && !text.contains(" ")
    }

    private static func template(_ node: YAMLValue) throws(YAMLFileError) -> APISpec.Template {
        switch APISpec.Template.parse(try node.string()) {
        case .success(let template): return template
        case .failure(let problem): throw node.error(problem.message)
        }
    }

    private static func variableName(_ node: YAMLValue) throws(YAMLFileError) -> String {
        let name = try node.string()
        guard APISpec.Template.isVariableName(name) else {
            throw node.error("expected the NAME of an environment variable (like TWILIO_AUTH_TOKEN), not its value")
        }
        return name
    }

    private static func auth(_ node: YAMLValue) throws(YAMLFileError) -> APISpec.Auth {
        let typeNode = try node.required("type")
        switch try typeNode.string() {
        case "basic":
            try node.allowOnly(MappingKeys.authKeys(["username_env", "password_env"]))
            return .basic(
                usernameVariable: try variableName(try node.required("username_env")),
                passwordVariable: try variableName(try node.required("password_env")))
        case "bearer":
            try node.allowOnly(MappingKeys.authKeys(["token_env"]))
            return .bearer(tokenVariable: try variableName(try node.required("token_env")))
        case "header":
            try node.allowOnly(MappingKeys.authKeys(["name", "value"]))
            let valueNode = try node.required("value")
            let value = try template(valueNode)
            if value.variables.isEmpty {
                throw valueNode.error("name the credential's environment variable as ${NAME}; secrets are not written in mapping files")
            }
            return .header(name: try node.required("name").string(), value: value)
        case "none":
            try node.allowOnly(MappingKeys.authKeys([]))
            return .none
        default:
            throw typeNode.error("expected basic, bearer, header or none")
        }
    }

    private static func paging(_ node: YAMLValue?) throws(YAMLFileError) -> APISpec.Paging {
        guard let node else { return .single }
        try node.allowOnly(MappingKeys.sections["api.next_page"]!)
        let uri = try node.optional("uri_field")
        let page = try node.optional("page_parameter")
        let token = try node.optional("token_field")
        let kinds = [uri, page, token].compactMap { $0 }
        guard kinds.count == 1 else {
            throw node.error(
                "expected one way to the next page: uri_field; page_parameter with total_pages_field; or token_field with token_parameter")
        }
        if let uri { return .nextURI(field: try path(uri)) }
        if let token { return .token(field: try path(token), parameter: try node.required("token_parameter").string()) }
        return .pageCounter(
            parameter: try kinds[0].string(), totalPagesField: try path(try node.required("total_pages_field")),
            firstPage: try node.optional("first_page")?.int(min: 0) ?? 1)
    }

    /// A JSON path into the page, checked like the mapping's field paths.
    private static func path(_ node: YAMLValue) throws(YAMLFileError) -> String {
        let text = try node.string()
        try MappingSpecLoader.checkJSONPath(text, at: node)
        return text
    }

    private static func pageSize(_ node: YAMLValue?) throws(YAMLFileError) -> APISpec.PageSize? {
        guard let node else { return nil }
        try node.allowOnly(MappingKeys.sections["api.page_size"]!)
        return .init(parameter: try node.required("parameter").string(), value: try node.required("value").int(min: 1, max: 10_000))
    }

    private static func since(_ node: YAMLValue?) throws(YAMLFileError) -> APISpec.Since? {
        guard let node else { return nil }
        try node.allowOnly(MappingKeys.sections["api.since"]!)
        let formatNode = try node.required("format")
        guard let format = APISpec.SinceFormat(rawValue: try formatNode.string()) else {
            throw formatNode.error("expected one of: \(APISpec.SinceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return .init(parameter: try node.required("parameter").string(), format: format)
    }
}
