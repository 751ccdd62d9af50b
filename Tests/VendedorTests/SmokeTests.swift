import Testing
@testable import Core

@Test func replyEquality() {
    #expect(RedisReply.integer(1) == .integer(1))
}
