import RingbackCore

/// A `Party` spread over three columns: what kind it is, its number or extension or raw text, and why it is unusable.
struct PartyColumns {
    var kind: String
    var value: String?
    var reason: String?

    init(kind: String, value: String?, reason: String?) {
        self.kind = kind
        self.value = value
        self.reason = reason
    }

    init(_ party: Party) {
        switch party {
        case .number(let number): self.init(kind: "number", value: number, reason: nil)
        case .anonymous: self.init(kind: "anonymous", value: nil, reason: nil)
        case .internalExtension(let ext): self.init(kind: "extension", value: ext, reason: nil)
        case .unusable(let raw, let reason): self.init(kind: "unusable", value: raw, reason: reason)
        }
    }

    var party: Party? {
        switch (kind, value, reason) {
        case ("number", let number?, _): return .number(number)
        case ("anonymous", _, _): return .anonymous
        case ("extension", let ext?, _): return .internalExtension(ext)
        case ("unusable", let raw?, let reason?): return .unusable(raw: raw, reason: reason)
        default: return nil
        }
    }
}
