import Foundation
import Testing

@testable import Core

@Suite("Storage: chat history, company text, chat control")
struct StorageChatStoreTests {
    @Test func historyIsOldestFirstAndLimitedToTheLatest() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        for index in 1...5 {
            try db.appendMessage(
                NuevoMensaje(
                    chatId: "tg:1", remitente: index.isMultiple(of: 2) ? .agente : .usuario, contenido: "m\(index)"))
        }
        try db.appendMessage(NuevoMensaje(chatId: "tg:2", remitente: .usuario, contenido: "otro chat"))
        let photo = try db.appendMessage(
            NuevoMensaje(
                chatId: "tg:1", remitente: .usuario, tipo: .imagen, contenido: "foto de un extintor",
                metadata: ["blob": "uploads/ab12.jpg", "productos": [18, 20], "ocr": true]))

        #expect(
            try db.history(chatId: "tg:1").map(\.contenido) == ["m1", "m2", "m3", "m4", "m5", "foto de un extintor"])
        #expect(try db.history(chatId: "tg:1", limit: 2).map(\.contenido) == ["m5", "foto de un extintor"])
        #expect(try db.history(chatId: "nadie").isEmpty)
        let stored = try #require(try db.history(chatId: "tg:1").last)
        #expect(stored == photo)
        #expect(stored.tipo == .imagen)
        #expect(stored.metadata?["productos"] == [18, 20])
        #expect(try db.history(chatId: "tg:1").map(\.remitente).prefix(2) == [.usuario, .agente])
        #expect(throws: ValidationErrors.self) {
            try db.appendMessage(NuevoMensaje(chatId: " ", remitente: .usuario, contenido: "x"))
        }
    }

    @Test func companyTextIsVersionedWithOneActive() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        #expect(try db.activeCompanyContext() == nil)
        let first = try db.replaceCompanyContext("  Primera versión  ")
        let second = try db.replaceCompanyContext("Segunda versión")
        #expect(first.version == 1)
        #expect(first.contenido == "Primera versión")
        #expect(second.version == 2)
        #expect(try db.activeCompanyContext() == second)
        let versions = try db.companyContextVersions()
        #expect(versions.map(\.version) == [2, 1])
        #expect(versions.map(\.activo) == [true, false])
        #expect(throws: ValidationErrors.self) { try db.replaceCompanyContext("   ") }
        #expect(try db.activeCompanyContext() == second)
    }

    @Test func aiIsOnByDefaultAndCanBeTakenOver() throws {
        let tmp = try TemporaryDirectory()
        let db = try tmp.openDatabase()
        #expect(try db.isAIActive(chatId: "tg:9"))
        try db.recordChannel(chatId: "tg:9", canal: "telegram")
        #expect(try db.chatControl(chatId: "tg:9").canal == "telegram")
        #expect(try db.isAIActive(chatId: "tg:9"))

        let off = try db.setAIActive(chatId: "tg:9", active: false)
        #expect(off.iaActiva == false)
        #expect(off.canal == "telegram")
        #expect(try db.isAIActive(chatId: "tg:9") == false)
        try db.recordChannel(chatId: "tg:9", canal: "telegram")
        #expect(try db.isAIActive(chatId: "tg:9") == false)
        #expect(try db.isAIActive(chatId: "tg:10"))
        try db.setAIActive(chatId: "tg:9", active: true)
        #expect(try db.isAIActive(chatId: "tg:9"))
    }
}
