import Foundation
import Testing

@testable import FrontEnd

@Suite("Chat body read by hand (FlatJSONStrings)")
struct FlatJSONStringsTests {
    typealias TextMessage = ChatController.TextMessage

    static func fast(_ text: String) -> TextMessage? {
        Array(text.utf8).withUnsafeBytes { TextMessage.fast($0) }
    }

    /// What the hand reader accepts, it reads exactly as JSONDecoder does.
    @Test(arguments: [
        #"{"chat_id":"web-1","mensaje":"Hola, ¿tienen guantes de vaqueta?"}"#,
        #"  {  "mensaje" : "dos\ncascos \"rojos\" y \\ barra \/ y \t tab" ,"chat_id":"tg:5" }  "#,
        "{\"chat_id\":\"a\",\"mensaje\":\"emoji 🧯👷‍♀️ ñ\"}\n",
        #"{"chat_id":"","mensaje":""}"#,
    ])
    func acceptedBodiesMatchJSONDecoder(body: String) throws {
        let expected = try JSONDecoder().decode(TextMessage.self, from: Data(body.utf8))
        #expect(Self.fast(body) == expected)
    }

    /// Everything else is left to JSONDecoder (which accepts it or words the error).
    @Test(arguments: [
        #"{"chat_id":"a","mensaje":"b","extra":"c"}"#,  // another key
        #"{"chat_id":"a","mensaje":"b","chat_id":"c"}"#,  // repeated key
        #"{"chat_id":"a"}"#,  // missing key
        #"{"chat_id":1,"mensaje":"b"}"#,  // not a string
        #"{"chat_id":null,"mensaje":"b"}"#,
        #"{"chat_id":"a","mensaje":"caf\u00e9"}"#,  // \u escape
        "{\"chat_id\":\"a\",\"mensaje\":\"línea\u{1}\"}",  // raw control character
        #"{"chat_id":"a","mensaje":"b"} x"#,  // trailing bytes
        #"{"chat_id":"a","mensaje":"b""#,  // cut short
        #"{"chat_id":"a","mensaje":"b",}"#,  // trailing comma
        #"["chat_id","a"]"#,
        "",
    ])
    func otherBodiesAreLeftToJSONDecoder(body: String) {
        #expect(Self.fast(body) == nil)
    }

    @Test func invalidUTF8IsLeftToJSONDecoder() {
        let bytes: [UInt8] = Array(#"{"chat_id":"a","mensaje":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(bytes.withUnsafeBytes { TextMessage.fast($0) } == nil)
    }
}
