/// Reduces a word to a shared stem so "leaks", "leaking" and "leaked" all match "leak", and
/// "smoke"/"smoking", "wire"/"wiring", "gutters"/"gutter", "roofing"/"roof" meet. Deliberately light:
/// both sides of a match go through it, so a stem only has to be the same, not a dictionary word.
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(\.isLetter) else { return word }
        var w = word
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            w.removeLast()
        }
        for suffix in ["ing", "ed"] where w.hasSuffix(suffix) && w.count > suffix.count + 2 {
            w.removeLast(suffix.count)
            if let last = w.last, w.count > 3, w.dropLast().last == last, !"lsz".contains(last) { w.removeLast() }
            break
        }
        if w.hasSuffix("e"), w.count > 3, !w.hasSuffix("ee") { w.removeLast() }
        return w
    }
}
