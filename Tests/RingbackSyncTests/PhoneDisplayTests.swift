import Foundation
import Testing

@testable import RingbackSync

/// Phone numbers in the CSV as the office sees them in LibreOffice: text, with no apostrophe showing.
@Suite struct PhoneDisplayTests {
    @Test func phonesAreWrittenInTheNationalFormAndReadBackAsE164() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let raw = try workspace.read(workspace.sheetPath)
        #expect(raw.contains(",(512) 555-0142,"))
        #expect(!raw.contains("'+1"), "no apostrophe in front of a North American number")
        #expect(try workspace.row(phone: "+15125550142") != nil, "read back as the E.164 number")
        #expect(!(try workspace.dryRun().hasChanges))
    }

    @Test(.enabled(if: ExternalToolTests.officeRequired || FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func libreOfficeReadsThemAsTextWithNoApostrophe() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let converted = workspace.path("converted")
        try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
        let profile = "-env:UserInstallation=file://" + workspace.path("lo-profile")
        for detectSpecialNumbers in ["true", "false"] {
            let (status, output) = try ExternalToolTests.run(
                "/usr/bin/soffice",
                [
                    profile, "--headless", "--infilter=CSV:44,34,76,1,,0,false,\(detectSpecialNumbers)", "--convert-to", "fods",
                    "--outdir", converted, workspace.sheetPath,
                ])
            #expect(status == 0, "\(output)")
            let flat = try workspace.read(converted + "/missed-calls.fods")
            // The cell LibreOffice made of the number: a text cell showing exactly the national form.
            let cell = try #require(flat.range(of: "<text:p>(512) 555-0142</text:p>"), "detect special numbers: \(detectSpecialNumbers)")
            let opening = try #require(flat[..<cell.lowerBound].range(of: "<table:table-cell", options: .backwards))
            let attributes = flat[opening.upperBound..<cell.lowerBound]
            #expect(attributes.contains("office:value-type=\"string\""), "\(attributes)")
            #expect(!flat.contains("&apos;+1512"))
        }
    }
}
