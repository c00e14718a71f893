/// Why one record could not be read; the engine adds the file and line.
struct RejectReason: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    let text: String

    init(stringLiteral value: String) {
        text = value
    }

    init(stringInterpolation: DefaultStringInterpolation) {
        text = String(stringInterpolation: stringInterpolation)
    }
}
