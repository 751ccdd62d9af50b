/// One Redis command as its argument list. Arguments are binary-safe byte arrays.
public struct RedisCommand: Sendable {
    public var arguments: [[UInt8]]

    public init(_ arguments: [String]) {
        self.arguments = arguments.map { Array($0.utf8) }
    }

    public init(_ name: String, _ rest: String...) {
        self.init([name] + rest)
    }

    public init(bytes: [[UInt8]]) {
        self.arguments = bytes
    }

    public mutating func append(_ argument: String) {
        arguments.append(Array(argument.utf8))
    }

    public mutating func append(_ argument: Int) {
        arguments.append(Array(String(argument).utf8))
    }

    /// Command name for errors and logs (never the arguments, which may hold secrets).
    public var name: String {
        arguments.first.map { String(decoding: $0, as: UTF8.self).uppercased() } ?? ""
    }
}

/// Writes commands in the RESP wire format into one buffer, so a whole pipeline is handed
/// to hiredis in a single append.
struct RESPWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ command: RedisCommand) {
        bytes.append(UInt8(ascii: "*"))
        writeDecimal(command.arguments.count)
        for argument in command.arguments {
            bytes.append(UInt8(ascii: "$"))
            writeDecimal(argument.count)
            bytes.append(contentsOf: argument)
            bytes.append(13)
            bytes.append(10)
        }
    }

    private mutating func writeDecimal(_ value: Int) {
        if value < 10 {
            bytes.append(UInt8(48 + value))
        } else {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = value
            withUnsafeMutableBytes(of: &digits) { buffer in
                while rest > 0 {
                    buffer[count] = UInt8(48 + rest % 10)
                    rest /= 10
                    count += 1
                }
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
            }
        }
        bytes.append(13)
        bytes.append(10)
    }
}
