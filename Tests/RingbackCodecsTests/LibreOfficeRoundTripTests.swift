import Foundation
import RingbackCodecs
import Testing

/// Opens a CSV written with `CSVWriter` and `SpreadsheetText.protect` in headless
/// LibreOffice and checks that nothing was evaluated and phone numbers kept their `+`.
@Suite(.serialized) struct LibreOfficeRoundTripTests {
    static let office = ExternalProcess.locate("soffice")
    static let officeRequired = ProcessInfo.processInfo.environment["RINGBACK_REQUIRE_LIBREOFFICE"] == "1"

    static let dangerous = [
        "=1+2", "+15125550100", "-2+3", "@SUM(1+1)", "=HYPERLINK(\"http://x\",\"y\")",
        "=cmd|' /C calc'!A0", "00123", "'already quoted", "  =1+2",
    ]

    @Test(.enabled(if: office == nil && officeRequired))
    func libreOfficeMustBeInstalledWhenRequired() {
        Issue.record("RINGBACK_REQUIRE_LIBREOFFICE=1 but soffice is not on PATH; install libreoffice-calc-nogui")
    }

    @Test(.enabled(if: office != nil))
    func defaultImportEvaluatesNothingProtected() throws {
        try checkRoundTrip(infilter: nil, expectControlEvaluated: true)
    }

    @Test(.enabled(if: office != nil))
    func importWithFormulaEvaluationOnEvaluatesNothingProtected() throws {
        try checkRoundTrip(
            infilter: "Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,,true",
            expectControlEvaluated: true
        )
    }

    @Test(.enabled(if: office != nil))
    func importWithQuotedAsTextAndTrimmingEvaluatesNothingProtected() throws {
        try checkRoundTrip(
            infilter: "Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,true,,true",
            expectControlEvaluated: true
        )
    }

    private func checkRoundTrip(infilter: String?, expectControlEvaluated: Bool) throws {
        let office = try #require(Self.office)
        let directory = try ExternalProcess.temporaryDirectory("libreoffice")
        defer { try? FileManager.default.removeItem(at: directory) }

        var rows = [["value", "protected", "control"]]
        for value in Self.dangerous {
            rows.append([value, SpreadsheetText.protect(value), "=1+2"])
        }
        let input = directory.appendingPathComponent("sheet.csv")
        try Data(CSVWriter().bytes(rows)).write(to: input)

        let outputDirectory = directory.appendingPathComponent("out")
        var arguments = [
            "-env:UserInstallation=file://\(directory.path)/profile",
            "--headless", "--norestore",
        ]
        if let infilter { arguments.append("--infilter=\(infilter)") }
        arguments += ["--convert-to", "csv", "--outdir", outputDirectory.path, input.path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path
        let outcome = try ExternalProcess.run(office, arguments, environment: environment)
        let converted = outputDirectory.appendingPathComponent("sheet.csv")
        try #require(
            FileManager.default.fileExists(atPath: converted.path),
            "soffice produced no output (status \(outcome.status)): \(outcome.standardError)"
        )

        let result = try CSVReader(contentsOfFile: converted.path, delimiter: UInt8(ascii: ",")).readAll()
        try #require(result.records.count == rows.count)
        for (record, original) in zip(result.records.dropFirst(), Self.dangerous) {
            let cell = record.fields[1]
            #expect(cell == SpreadsheetText.protect(original), "LibreOffice changed the protected cell for \(original)")
            #expect(SpreadsheetText.unprotect(cell) == original)
            if expectControlEvaluated {
                #expect(record.fields[2] == "3", "control cell was not evaluated, so this import mode proves nothing")
            }
        }
        let phone = try #require(result.records.first { SpreadsheetText.unprotect($0.fields[1]) == "+15125550100" })
        #expect(phone.fields[1].contains("+15125550100"))
    }
}
