import Testing

@testable import RingbackHTTP

/// One redaction for Google credentials and API source variables.
@Suite struct SecretRedactionTests {
    @Test func secretsAreReplacedAsWrittenAndPercentEncoded() {
        let text = "GET /calls?token=s3cr%2Bt&x=1 failed: bad token s3cr+t"
        #expect(
            SecretRedaction.redact(text, [(secret: "s3cr+t", placeholder: "${TOKEN}")])
                == "GET /calls?token=${TOKEN}&x=1 failed: bad token ${TOKEN}")
    }

    @Test func shortValuesAreLeftAlone() {
        #expect(SecretRedaction.redact("ab abc", ["ab"]) == "ab abc")
        #expect(SecretRedaction.redact("ab abc", ["abc"]) == "ab [redacted]")
    }
}
