import Foundation
import Testing

@testable import RingbackNormalisation

@Suite struct PhoneNormaliserTests {
    static let us = try! PhoneNormaliser(defaultCountry: "US")
    static let gb = try! PhoneNormaliser(defaultCountry: "GB")

    static func normaliser(_ country: String) -> PhoneNormaliser { try! PhoneNormaliser(defaultCountry: country) }

    @Test(arguments: [
        "(512) 555-0100", "512-555-0100", "512.555.0100", "5125550100", "15125550100",
        "+1 512 555 0100", "+15125550100", "1-512-555-0100", "1 (512) 555-0100", "tel:+1-512-555-0100",
        "\"Maria Lopez\" <5125550100>", "tel:+1-512-555-0100;phone-context=example.com", "TEL:5125550100", "\"Maria Lopez\" <+15125550100>",
        "  5125550100  ",
        "15125550100.0", "5125550100.00", "+15125550100.0", "'5125550100", "=\"5125550100\"", "\"5125550100\"",
        "512\u{00A0}555\u{00A0}0100", "512\u{2013}555\u{2013}0100", "\u{FEFF}5125550100",
        "011 1 512 555 0100", "001 512 555 0100",
    ])
    func usNumbers(raw: String) {
        #expect(Self.us.normalise(raw) == .number(e164: "+15125550100", extension: nil))
    }

    @Test(arguments: [
        ("512.555.0100 x12", "12"), ("512.555.0100 ext. 12", "12"), ("512.555.0100 #12", "12"),
        ("512-555-0100 ext 12", "12"), ("512-555-0100x12", "12"), ("512-555-0100 X 12", "12"),
        ("(512) 555-0100 extension 4567", "4567"), ("512 555 0100 Ext: 7", "7"), ("5125550100,,12", "12"),
        ("tel:+1-512-555-0100;ext=12", "12"), ("tel:+1-512-555-0100;phone-context=example.com;ext=12", "12"),
        ("+1-512-555-0100;ext=12", "12"), ("+1 512 555 0100 extn 99", "99"),
    ])
    func usNumbersWithExtension(raw: String, ext: String) {
        #expect(Self.us.normalise(raw) == .number(e164: "+15125550100", extension: ext))
    }

    @Test(arguments: [
        ("GB", "+44 20 7946 0958", "+442079460958"),
        ("GB", "020 7946 0958", "+442079460958"),
        ("GB", "0044 20 7946 0958", "+442079460958"),
        ("US", "011 44 20 7946 0958", "+442079460958"),
        ("US", "0044 20 7946 0958", "+442079460958"),
        ("US", "+44 20 7946 0958", "+442079460958"),
        ("GB", "+44 (0)20 7946 0958", "+442079460958"),
        ("GB", "+44 020 7946 0958", "+442079460958"),
        ("GB", "442079460958", "+442079460958"),
        ("GB", "+44 330 818 6690", "+443308186690"),
        ("GB", "07700 900123", "+447700900123"),
        ("GB", "+1 512 555 0100", "+15125550100"),
        ("AU", "02 9374 4000", "+61293744000"),
        ("AU", "0412 345 678", "+61412345678"),
        ("AU", "0011 44 20 7946 0958", "+442079460958"),
        ("AU", "+61 412 345 678", "+61412345678"),
        ("IE", "01 234 5678", "+35312345678"),
        ("IE", "087 123 4567", "+353871234567"),
        ("NZ", "09 123 4567", "+6491234567"),
        ("NZ", "021 123 4567", "+64211234567"),
        ("DE", "030 123456", "+4930123456"),
        ("DE", "0151 23456789", "+4915123456789"),
        ("FR", "01 23 45 67 89", "+33123456789"),
        ("FR", "+33 6 12 34 56 78", "+33612345678"),
        ("ES", "912 345 678", "+34912345678"),
        ("ES", "+34 612 34 56 78", "+34612345678"),
        ("ES", "0034 612 345 678", "+34612345678"),
        ("IT", "06 1234 5678", "+390612345678"),
        ("IT", "+39 06 1234 5678", "+390612345678"),
        ("IT", "347 123 4567", "+393471234567"),
        ("NL", "020 123 4567", "+31201234567"),
        ("MX", "55 1234 5678", "+525512345678"),
        ("MX", "+52 1 55 1234 5678", "+525512345678"),
        ("IN", "098765 43210", "+919876543210"),
        ("IN", "98765 43210", "+919876543210"),
        ("IN", "+91 98765 43210", "+919876543210"),
        ("CA", "(416) 555-0199", "+14165550199"),
        ("US", "+49 30 123456", "+4930123456"),
        ("US", "+86 10 1234 5678", "+861012345678"),
        ("US", "+7 495 123 45 67", "+74951234567"),
        ("US", "+353 1 234 5678", "+35312345678"),
    ])
    func internationalAndNational(country: String, raw: String, e164: String) {
        #expect(Self.normaliser(country).normalise(raw) == .number(e164: e164, extension: nil))
    }

    @Test(arguments: [
        "", "   ", "anonymous", "Anonymous", "ANONYMOUS", "restricted", "RESTRICTED", "private", "unknown",
        "unavailable", "withheld", "blocked", "Unknown Caller", "unknown  caller", "Private Number", "No Caller ID",
        "+266696687", "+7378742833", "+2562533", "+86282452253", "+8656696", "266696687", "0000000000",
        "anonymous@anonymous.invalid", "sip:anonymous@example.com", "sips:Anonymous@10.0.0.1", "client:anonymous",
        "\"Anonymous\" <anonymous>", "\"Unknown\" <>", "<>", "\"\" <>", "-", "()", "null", "N/A",
    ])
    func anonymous(raw: String) {
        #expect(Self.us.normalise(raw) == .anonymous)
    }

    @Test func restrictedPlaceholderWithoutPlusIsAnAustinNumber() {
        #expect(Self.us.normalise("7378742833") == .number(e164: "+17378742833", extension: nil))
    }

    @Test(arguments: ["101", "6001", "12", "999999", "\"Front Desk\" <101>", "  6001 "])
    func shortCodes(raw: String) {
        let digits = String(raw.filter(\.isNumber))
        #expect(Self.us.normalise(raw) == .shortCode(digits))
    }

    @Test(arguments: [
        "client:alice", "sip:101@pbx.local", "sip:+15125550100@sip.example.com;transport=udp",
        "sips:bob@example.com", "alice@pbx.example.com",
    ])
    func sipAndClientURIsAreVerbatim(raw: String) {
        #expect(Self.us.normalise(raw) == .sip(raw))
    }

    @Test func sipInsideAngleBracketsKeepsTheURI() {
        #expect(Self.us.normalise("\"Bob\" <sip:bob@pbx.local>") == .sip("sip:bob@pbx.local"))
    }

    @Test(arguments: ["1.51255E+10", "1.51255e10", "5.12555E+09", "1.5125550100E+10", "5E+09", "1,51255E+10"])
    func scientificNotationIsNeverGuessed(raw: String) {
        #expect(
            Self.us.normalise(raw)
                == .unusable(
                    raw: raw, reason: "number was converted to scientific notation by a spreadsheet; digits are lost"))
    }

    @Test(arguments: [
        ("1-800-FLOWERS", "vanity"), ("1-800-BOX-TOPS", "vanity"), ("Maria Lopez", "is text"),
        ("555-0100", "area code is missing"), ("512555010", "10 digits"), ("512555010012", "10 digits"),
        ("+1 512 555 010", "10 digits after the 1"), ("+1 012 555 0100", "area code 012"),
        ("+1 512 155 0100", "exchange 155"), ("(112) 555-0100", "area code 112"),
        ("+44 20 7946 0958 123", "9–10 digits after +44"), ("+44 20", "9–10 digits after +44"),
        ("+999 1234 5678", "country calling code"), ("+0 123 456 789", "country calling code"),
        ("+123", "10 digits after the 1"),
        ("+86 123", "8–15"), ("1234567890123456789012", "at most 15"), ("+49 1234 5678 9012 3456", "at most 15"),
        ("7", "only 1 digit"), ("512*555*0100", "unexpected character \"*\""), ("512-555-0100 x", "vanity"),
        ("5125550100 #", "unreadable extension"), ("5125550100;5125550101", "unexpected character \";\""), ("512-555-0100 ©", "non-ASCII"),
        ("512+555", "unexpected character \"+\""),
    ])
    func unusableUS(raw: String, reasonFragment: String) {
        guard case .unusable(let r, let reason) = Self.us.normalise(raw) else {
            Issue.record("expected unusable for \(raw), got \(Self.us.normalise(raw))")
            return
        }
        #expect(r == raw)
        #expect(reason.contains(reasonFragment), "\(reason)")
    }

    @Test(arguments: [
        ("GB", "2079460958", "a leading 0 and 9–10 more digits"),
        ("GB", "020 7946 09", "9–10 digits after the leading 0"),
        ("GB", "15125550100", "a leading 0"),
        ("FR", "01 23 45 67", "9 digits after the leading 0"),
        ("ES", "91 234 567", "need 9 digits"),
        ("AU", "02 9374 400", "9 digits after the leading 0"),
    ])
    func unusableElsewhere(country: String, raw: String, reasonFragment: String) {
        guard case .unusable(_, let reason) = Self.normaliser(country).normalise(raw) else {
            Issue.record("expected unusable for \(raw)")
            return
        }
        #expect(reason.contains(reasonFragment), "\(reason)")
    }

    @Test(arguments: ["US", "CA", "GB", "AU", "IE", "NZ", "DE", "FR", "ES", "IT", "NL", "MX", "IN", "gb", " us "])
    func supportedCountries(code: String) throws {
        let n = try PhoneNormaliser(defaultCountry: code)
        #expect(n.defaultCountry == code.trimmingCharacters(in: .whitespaces).uppercased())
    }

    @Test(arguments: ["XX", "", "USA", "United States"])
    func unknownCountryThrows(code: String) {
        #expect(throws: PhoneNormaliserError.self) { try PhoneNormaliser(defaultCountry: code) }
        do {
            _ = try PhoneNormaliser(defaultCountry: code)
        } catch {
            #expect(error.description.contains("unsupported default country"))
            #expect(error.description.contains("GB"))
        }
    }

    @Test func byteOverloadMatchesStringOverload() {
        let samples = ["(512) 555-0100", "+44 20 7946 0958", "anonymous", "101", "1.51255E+10", "client:bob", "512.555.0100 x12"]
        for s in samples {
            let viaBytes = Array(s.utf8).withUnsafeBufferPointer { Self.us.normalise($0) }
            #expect(viaBytes == Self.us.normalise(s))
        }
    }

    @Test func callingCodesArePrefixFree() {
        let codes = [1, 7] + CountryCallingCodes.twoDigit + CountryCallingCodes.threeDigit
        let texts = codes.map(String.init)
        for a in texts {
            for b in texts where a != b { #expect(!b.hasPrefix(a), "\(a) is a prefix of \(b)") }
        }
        for code in codes {
            let run = DigitRun(value: UInt64(code) * 1_000_000, count: String(code).count + 6)
            #expect(CountryCallingCodes.codeLength(of: run) == String(code).count, "code \(code)")
        }
        #expect(CountryCallingCodes.codeLength(of: DigitRun(value: 999_123_456, count: 9)) == nil)
        #expect(CountryCallingCodes.codeLength(of: DigitRun(value: 123_456, count: 9)) == nil)
    }
}
