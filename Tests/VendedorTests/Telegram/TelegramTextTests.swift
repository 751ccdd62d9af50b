import Foundation
import Testing

@testable import Integrations
@testable import Support

@Suite("Telegram: splitting long replies")
struct TelegramTextTests {
    /// What the pieces say, ignoring the blanks where cuts fell.
    func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }

    @Test func shortTextIsOnePieceTrimmed() {
        #expect(TelegramText.split("  Hola, ¿en qué le ayudo?\n") == ["Hola, ¿en qué le ayudo?"])
        #expect(TelegramText.split(" \n ").isEmpty)
    }

    @Test func longTextIsCutAtParagraphsWithinTheLimit() {
        let paragraph = String(repeating: "Extintor PQS de 10 libras a $45.000. ", count: 30)  // ~1.100 chars
        let text = (1...9).map { "Párrafo \($0): \(paragraph)" }.joined(separator: "\n\n")
        let pieces = TelegramText.split(text)
        #expect(pieces.count >= 3)
        for piece in pieces {
            #expect(piece.utf16.count <= TelegramText.maxLength)
            #expect(piece.hasPrefix("Párrafo "), "el corte no cayó entre párrafos: \(piece.prefix(30))")
        }
        #expect(words(pieces.joined(separator: " ")) == words(text))
    }

    @Test func withoutLineBreaksTheCutFallsAfterASentence() {
        let text = String(repeating: "Los guantes de vaqueta cuestan $15.800 y hay 23 en bodega. ", count: 120)
        let pieces = TelegramText.split(text)
        #expect(pieces.count == 2)
        #expect(pieces[0].hasSuffix("."))
        #expect(pieces[1].hasPrefix("Los guantes"))
        #expect(words(pieces.joined(separator: " ")) == words(text))
    }

    @Test func emojiAndAccentsAreMeasuredInUTF16AndNeverCutInside() {
        let text = String(repeating: "🧯", count: 5000)  // 2 UTF-16 units each, no spaces
        let pieces = TelegramText.split(text)
        #expect(pieces.allSatisfy { $0.utf16.count <= TelegramText.maxLength })
        #expect(pieces.joined() == text)
        #expect(pieces[0].count == 2000)
    }
}

@Suite("Telegram: configuration")
struct TelegramConfigTests {
    @Test func modeFollowsWhatIsConfigured() throws {
        #expect(try TelegramConfig(environment: Environment([:])).mode == .off)
        let polling = try TelegramConfig(environment: Environment(["TELEGRAM_TOKEN": "123:abc-DEF_1"]))
        #expect(polling.mode == .polling)
        #expect(polling.apiBaseURL == "https://api.telegram.org")
        let webhook = try TelegramConfig(
            environment: Environment([
                "TELEGRAM_TOKEN": "123:abc", "TELEGRAM_WEBHOOK_SECRET": "s3creto_ok-1_abcdef",
                "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9999/",
            ]))
        #expect(webhook.mode == .webhook)
        #expect(webhook.apiBaseURL == "http://127.0.0.1:9999")
    }

    @Test func badSettingsStopWithOneLineNamingThem() {
        func problem(_ values: [String: String]) -> String? {
            do {
                _ = try TelegramConfig(environment: Environment(values))
                return nil
            } catch {
                return error.description
            }
        }
        let badToken = problem(["TELEGRAM_TOKEN": "no-es-un-token secreto"])
        #expect(badToken?.contains("TELEGRAM_TOKEN") == true)
        #expect(badToken?.contains("secreto") == false, "el mensaje no debe repetir el valor")
        #expect(problem(["TELEGRAM_WEBHOOK_SECRET": "con espacios"])?.contains("TELEGRAM_WEBHOOK_SECRET") == true)
        #expect(problem(["TELEGRAM_MODE": "webhook"])?.contains("TELEGRAM_WEBHOOK_SECRET") == true)
        #expect(problem(["TELEGRAM_MODE": "polling"])?.contains("TELEGRAM_TOKEN") == true)
        #expect(problem(["TELEGRAM_MODE": "a veces"])?.contains("TELEGRAM_MODE") == true)
        #expect(problem(["TELEGRAM_POLL_TIMEOUT": "90"])?.contains("TELEGRAM_POLL_TIMEOUT") == true)
        #expect(problem(["TELEGRAM_API_BASE_URL": "api.telegram.org"])?.contains("TELEGRAM_API_BASE_URL") == true)
    }

    @Test func secretsCompareByContent() {
        #expect(ConstantTime.equals("abc_123", "abc_123"))
        #expect(!ConstantTime.equals("abc_123", "abc_124"))
        #expect(!ConstantTime.equals("abc", "abc_123"))
        #expect(!ConstantTime.equals("abc_123", "abc"))
        #expect(!ConstantTime.equals("", "x"))
    }
}
