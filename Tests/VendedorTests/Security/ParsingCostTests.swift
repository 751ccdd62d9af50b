import Testing

@testable import Assistant
@testable import SpanishText

/// Finding 2 (issue 16): a message of 800 space-separated "1"s took 6.3 s of worker CPU, the
/// number scanner reading every prefix of every run of numeric words. These tests count the
/// words the checkout scanner looks at (deterministic, no clock): it must stay within a
/// constant per word of the message, whatever the message.
@Suite("Security: parsing customer text is linear in its length")
struct ParsingCostTests {
    /// Adversarial messages of `count` repetitions of each piece.
    static let pieces = ["1 ", "1-", "1.", "315 ", "cc ", "calle 1 ", "cel 3 ", "a@b.co 1 ", "calle 5 # 1-"]

    @Test(arguments: pieces)
    func theCheckoutScannerLooksAtEachWordABoundedNumberOfTimes(_ piece: String) {
        for count in [250, 1_000] {
            let message = String(repeating: piece, count: count)
            let scan = FieldScanner(message)
            #expect(
                scan.wordVisits <= 20 * max(1, scan.words.count),
                "\(count) × \"\(piece)\": \(scan.wordVisits) visits for \(scan.words.count) words")
        }
    }

    @Test func eightHundredOnesAreStillReadAsNumbers() {
        let scan = FieldScanner(String(repeating: "1 ", count: 800))
        #expect(scan.entities.count == 800)
        // A phone split in groups is still one number.
        let phone = FieldScanner("1 1 1 315 678 9012 1")
        let numbers = phone.entities.compactMap { entity -> String? in
            if case .number(let digits, _) = entity.kind { return digits }
            return nil
        }
        #expect(numbers == ["1", "1", "1", "3156789012", "1"])
    }
}
