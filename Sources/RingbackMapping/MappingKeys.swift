/// Every key a mapping file may hold, by the section it sits in, as the loader accepts them. The loader
/// refuses any other key with these lists, and a test checks `docs/mappings.md` documents exactly these,
/// so the reference cannot drift from what is read.
public enum MappingKeys {
    public static let root: Set<String> = [
        "name", "description", "format", "csv", "json", "fields", "time_format", "duration_format",
        "direction", "key_prefix", "legs", "outcome", "detect", "api", "xml", "html",
    ]

    /// Section path → its keys. `NAME` stands for a field's name, `RULE` for an item of a rule list,
    /// `FIELD` for a field tested by a rule, `ITEM` for an item of a list.
    public static let sections: [String: Set<String>] = [
        "csv": ["header", "columns", "min_columns"],
        "json": ["records", "legs", "leg_fields", "last_event_wins"],
        "xml": ["records"],
        "html": ["records"],
        "fields.NAME": ["column", "path", "part", "decode"],
        "direction": ["inbound", "outbound", "infer"],
        "legs": ["parent", "group_by"],
        "outcome": ["voicemail_when", "answered_when", "unfinished_when"],
        "outcome.RULE": ["leg"],
        "outcome.RULE.FIELD": ["not", "empty", "above"],
        "detect": ["json_keys", "header_columns", "column_kinds", "text"],
        "api": ["base_url", "path", "query", "auth", "next_page", "page_size", "since", "max_pages", "follow_up"],
        "api.auth": ["type", "username_env", "password_env", "token_env", "name", "value"],
        "api.next_page": ["uri_field", "page_parameter", "total_pages_field", "first_page", "token_field", "token_parameter"],
        "api.page_size": ["parameter", "value"],
        "api.since": ["parameter", "format"],
        "api.follow_up.ITEM": ["name", "path", "records", "when", "max_per_run"],
    ]

    /// The keys of one kind of `auth:`: its `type` and the kind's own.
    static func authKeys(_ own: Set<String>) -> Set<String> {
        own.union(["type"])
    }

    /// Every key as `section.key` (`csv.header`, `api.next_page.uri_field`), root keys bare.
    public static var qualified: Set<String> {
        var all = root
        for (section, keys) in sections { all.formUnion(keys.map { "\(section).\($0)" }) }
        return all
    }
}
