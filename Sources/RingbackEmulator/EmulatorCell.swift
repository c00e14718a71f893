/// What a sheet cell holds, as a test sees it.
package enum EmulatorCell: Sendable, Hashable {
    case empty, string(String), number(Double), bool(Bool), formula(String)
}
