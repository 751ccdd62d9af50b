import Foundation
import Testing

@testable import Shop

@Suite("Storage: chat history, company text, chat control")
struct StorageChatStoreTests {
    @Test func historyIsOldestFirstAndLimitedToTheLatest() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        for index in 1...5 {
            try db.appendMessage(
                NewMessage(
                    chatId: "tg:1", sender: index.isMultiple(of: 2) ? .agent : .user, content: "m\(index)"))
        }
        try db.appendMessage(NewMessage(chatId: "tg:2", sender: .user, content: "otro chat"))
        let photo = try db.appendMessage(
            NewMessage(
                chatId: "tg:1", sender: .user, kind: .image, content: "foto de un extintor",
                metadata: ["blob": "uploads/ab12.jpg", "productos": [18, 20], "ocr": true]))

        #expect(
            try db.history(chatId: "tg:1").map(\.content) == ["m1", "m2", "m3", "m4", "m5", "foto de un extintor"])
        #expect(try db.history(chatId: "tg:1", limit: 2).map(\.content) == ["m5", "foto de un extintor"])
        #expect(try db.history(chatId: "nadie").isEmpty)
        let stored = try #require(try db.history(chatId: "tg:1").last)
        #expect(stored == photo)
        #expect(stored.kind == .image)
        #expect(stored.metadata?["productos"] == [18, 20])
        #expect(try db.history(chatId: "tg:1").map(\.sender).prefix(2) == [.user, .agent])
        #expect(throws: ValidationErrors.self) {
            try db.appendMessage(NewMessage(chatId: " ", sender: .user, content: "x"))
        }
    }

    @Test func companyTextIsVersionedWithOneActive() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        #expect(try db.activeCompanyContext() == nil)
        let first = try db.replaceCompanyContext("  Primera versión  ")
        let second = try db.replaceCompanyContext("Segunda versión")
        #expect(first.version == 1)
        #expect(first.content == "Primera versión")
        #expect(second.version == 2)
        #expect(try db.activeCompanyContext() == second)
        let versions = try db.companyContextVersions()
        #expect(versions.map(\.version) == [2, 1])
        #expect(versions.map(\.active) == [true, false])
        #expect(throws: ValidationErrors.self) { try db.replaceCompanyContext("   ") }
        #expect(try db.activeCompanyContext() == second)
    }

    @Test func aiIsOnByDefaultAndCanBeTakenOver() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        #expect(try db.isAIActive(chatId: "tg:9"))
        try db.recordChannel(chatId: "tg:9", channel: .telegram)
        #expect(try db.chatControl(chatId: "tg:9").channel == .telegram)
        #expect(try db.isAIActive(chatId: "tg:9"))

        let off = try db.setAIActive(chatId: "tg:9", active: false)
        #expect(off.aiActive == false)
        #expect(off.channel == .telegram)
        #expect(try db.isAIActive(chatId: "tg:9") == false)
        try db.recordChannel(chatId: "tg:9", channel: .telegram)
        #expect(try db.isAIActive(chatId: "tg:9") == false)
        #expect(try db.isAIActive(chatId: "tg:10"))
        try db.setAIActive(chatId: "tg:9", active: true)
        #expect(try db.isAIActive(chatId: "tg:9"))
    }
}
