import Foundation
import Testing

@testable import RingbackCore

/// The pieces the verdicts are built from: stems, spoken numbers, negation scope, sound-alikes,
/// cancelling phrases, phrases of parts, and the intake fields read from a voicemail.
@Suite struct TextUnderstandingTests {
    @Test(arguments: [
        ("leaks", "leak"), ("leaking", "leak"), ("leaked", "leak"), ("smoking", "smoke"), ("wires", "wiring"),
        ("gutters", "gutter"), ("roofing", "roof"), ("clogged", "clog"), ("sparks", "sparking"),
    ])
    func wordFormsShareAStem(heard: String, keyword: String) {
        #expect(Stemmer.stem(heard) == Stemmer.stem(keyword))
    }

    @Test(arguments: [
        ("seven eight seven zero four", "78704"), ("siete ocho siete cero dos", "78702"), ("seventy eight seven oh four", "78704"),
        ("five one two, five five five, zero one four two", "5125550142"), ("512 555 0142", "5125550142"),
    ])
    func numbersSaidAsWordsBecomeDigits(said: String, digits: String) {
        #expect(TextTokens(said).tokens.map(\.word) == [digits])
    }

    @Test func aLoneNumberWordStaysAWord() {
        #expect(TextTokens("the one in the kitchen, after three").tokens.map(\.word) == ["the", "one", "in", "the", "kitchen", "after", "three"])
    }

    @Test func splitWordsAreJoined() {
        #expect(TextTokens("the c o alarm and the g f c i").tokens.map(\.word) == ["the", "co", "alarm", "and", "the", "gfci"])
        #expect(TextTokens("a c, o k").tokens.map(\.word) == ["ac", "ok"])
        let joins = WordJoins(known: [Stemmer.stem("furnace"), Stemmer.stem("back"), Stemmer.stem("backup")])
        #expect(TextTokens("the furn ace is out", joins: joins).tokens.map(\.word) == ["the", "furnace", "is", "out"])
        #expect(TextTokens("the sewer is backing up", joins: joins).tokens.map(\.word) == ["the", "sewer", "is", "backing", "up"])
        #expect(TextTokens("furn, ace", joins: joins).tokens.map(\.word) == ["furn", "ace"])
    }

    @Test func conceptsAreWrittenOutInPhrases() {
        let concepts = Concepts(["water": ["water", "agua"], "gushing": ["gushing", "won't stop"]])
        #expect(concepts.expand("$water + $gushing|everywhere") == ["water|agua + gushing|won't stop|everywhere"])
        #expect(concepts.expand("$water") == ["water", "agua"])
        #expect(concepts.expand("burst pipe") == ["burst pipe"])
        #expect(Concepts.references(in: "$water + $nope|pipe") == ["water", "nope"])
        #expect(Concepts.references(in: "the $water $nope") == ["water", "nope"])
        #expect(concepts.expand("the $water $gushing") == ["the water gushing", "the water won't stop", "the agua gushing", "the agua won't stop"])
        let phrase = Phrase(concepts.expand("$water + $gushing")[0])
        #expect(PhraseMatcher(TextTokens("el agua won't stop")).firstAffirmed(in: [phrase]) != nil)
        #expect(PhraseMatcher(TextTokens("the water is fine, nothing gushing")).firstAffirmed(in: [phrase]) == nil)
    }

    func heard(_ phrase: String, in text: String, cancel: [String] = [], soundAlikes: [String: String] = [:]) -> Bool {
        let matcher = PhraseMatcher(TextTokens(text, soundAlikes: SoundAlikes(soundAlikes)), cancelling: cancel.map(Phrase.init))
        return matcher.firstAffirmed(in: [Phrase(phrase)]) != nil
    }

    @Test(arguments: [
        ("smell gas", "I don't smell gas", false), ("sparking", "not sparking, just flickering", false),
        ("active leak", "it's not an active leak anymore", false), ("urgent", "this is not urgent", false),
        ("urgente", "no es urgente", false), ("leak", "we have no longer a leak", false),
        ("burst pipe", "it's not a drip anymore, it's a burst pipe", true), ("sparking", "not the lights, but the outlet is sparking", true),
        ("smell gas", "I don't know if I smell gas", true), ("burst", "oh no the pipe burst", true),
    ])
    func negationCoversTheWordsAfterItInItsClause(phrase: String, text: String, affirmed: Bool) {
        #expect(heard(phrase, in: text) == affirmed)
    }

    @Test func cancellingPhrasesAndSoundAlikes() {
        #expect(!heard("smoke", in: "the smoke detector keeps chirping", cancel: ["smoke detector"]))
        #expect(heard("smoke detector", in: "the smoke detector keeps chirping", cancel: ["smoke detector"]))
        #expect(!heard("gas", in: "the gas station gave me your number", cancel: ["gas station"]))
        #expect(heard("leak", in: "the leek under the sink", soundAlikes: ["leek": "leak"]))
        #expect(heard("ac", in: "the a c is squealing", soundAlikes: ["a c": "ac"]))
        #expect(heard("thermostat", in: "the thermostate is blank"))
        #expect(!heard("heater", in: "Heather here, the sink drips"))
        #expect(heard("smell gas", in: "it smells like gas in here"))
    }

    @Test func phrasesOfPartsAndPastTense() {
        let noHeat = "heat|furnace + out|dead + freezing|degrees"
        #expect(heard(noHeat, in: "the furnace is dead and it's 20 degrees"))
        #expect(!heard(noHeat, in: "the furnace is dead. It's 70 degrees, no rush"))
        #expect(!heard(noHeat, in: "the furnace is dead but it's not freezing"))
        #expect(heard("you installed", in: "you installed our water heater"))
        #expect(!heard("you installed", in: "can you install a water heater"))
        #expect(heard("you *ed our", in: "you fixed our sink last year"))
        #expect(heard("isn't * number", in: "oh this isn't Susan's number"))
        #expect(heard("men =putting in", in: "the men putting in our new unit"))
        #expect(!heard("men =putting in", in: "the men put in our new unit last year"))
        #expect(heard("men putting in", in: "the men put in our new unit last year"))
    }

    @Test(
        arguments: [
            ("hi this is Derek um water is pouring in, seven eight seven zero four", "Derek", "78704"),
            ("Hola, me llamo Rosa, código postal siete ocho siete cero dos", "Rosa", "78702"),
            ("Marcus here, 4410 Avenue B 78751", "Marcus", "78751"),
            ("marty here the alarm is going off, zip 78745", "Marty", "78745"),
            ("This is an important message about your Google listing", nil, nil),
            ("we are at 10500 Burnet Road, budget 25000 dollars", nil, nil),
            ("hey its julie, the dishwasher isnt draining, 78704", "Julie", "78704"),
            ("hey its getting loud, the outside unit rattles", nil, nil),
            ("antonio calling the sewer is backing up and it's nasty, 78757", "Antonio", "78757"),
            ("hi this is bob fisher, you guys put in our water heater", "Bob Fisher", nil),
            ("interested in having a couple outlets added", nil, nil),
            ("the lumber yard about invoice number 44821, sixty days past due", nil, nil),
            ("you did our new roof in 2022, one of the downspouts came loose", nil, nil),
        ] as [(String, String?, String?)])
    func nameAndZIPFromTheVoicemail(text: String, name: String?, zip: String?) {
        let fields = IntakeFields.read(TextTokens(text))
        #expect(fields.name == name)
        #expect(fields.zip == zip)
    }

    @Test func streetCallbackAndPreferredTime() {
        let fields = IntakeFields.read(
            TextTokens("this is Dana at 2210 South Lamar, call me at five one two five five five zero one nine nine, tomorrow morning works"))
        #expect(fields.street == "2210 South Lamar")
        #expect(fields.callbackNumber == "5125550199")
        #expect(IntakeFields.display(fields.callbackNumber!) == "(512) 555-0199")
        #expect(fields.preferredTime == "tomorrow morning")
        #expect(IntakeFields.read(TextTokens("anytime after three is fine")).preferredTime == "after three")
    }
}
