/// A conjugated form of a verb the lexicon lists as a need ("pintan" of "pintar", "sueldan" of
/// "soldar", "lijaba" of "lijar"): what someone does, the activity a product is for, not a
/// misspelt name to correct towards the infinitive ("pintan" is no slip of "pintar": the
/// customer names nothing by it).
///
/// Bounded: a word of at most `QueryUnderstanding.maxWordLength` letters is tried against
/// each ending it has (`endings`, a fixed list), each with at most two roots and three
/// infinitives: a fixed number of dictionary lookups.
enum ConjugatedVerbs {
    /// Endings of the persons, tenses and participles a customer writes ("pintan", "pinta",
    /// "pintamos", "pintaron", "pintaba", "pintado", "barren", "barrio"), longest first so the
    /// root is the shortest-ending one tried last.
    static let endings = [
        "ieron", "aron", "aban", "amos", "emos", "imos", "aste", "iste", "ados", "adas", "idos", "idas", "aba",
        "ian", "ado", "ada", "ido", "ida", "io", "ia", "an", "en", "as", "es", "a", "e", "o",
    ]

    /// Letters a root keeps at least ("pint", "sold", "cort").
    static let minimumRoot = 3

    /// The infinitive a word is a conjugated form of and the lexicon's expansions of it, nil
    /// when the word is no form of a verb the lexicon lists (or is an infinitive or a gerund,
    /// which the reader already knows).
    static func need(of word: String, lexicon: SearchLexicon) -> (infinitive: String, needs: [SearchPhrase])? {
        guard word.count <= QueryUnderstanding.maxWordLength, word.allSatisfy(\.isLetter) else { return nil }
        for ending in endings where word.count >= ending.count + minimumRoot && word.hasSuffix(ending) {
            let root = String(word.dropLast(ending.count))
            for stem in [root] + undiphthonged(root) {
                for infinitive in [stem + "ar", stem + "er", stem + "ir"] where infinitive != word {
                    if let needs = lexicon.synonyms(of: [infinitive]) { return (infinitive, needs) }
                }
            }
        }
        return nil
    }

    /// The root of a verb whose stressed vowel splits ("sueld" → "sold", "cierr" → "cerr"):
    /// the last "ue" read as "o" and the last "ie" as "e", when the root has one.
    static func undiphthonged(_ root: String) -> [String] {
        let letters = Array(root)
        var roots: [String] = []
        for (first, single) in [("u", "o"), ("i", "e")] as [(Character, Character)] {
            guard let at = letters.indices.dropLast().last(where: { letters[$0] == first && letters[$0 + 1] == "e" })
            else { continue }
            roots.append(String(letters[..<at]) + String(single) + String(letters[(at + 2)...]))
        }
        return roots
    }
}
