/// One Redis command as its argument list (UTF-8 text; written to the wire as is).
public struct RedisCommand: Sendable {
    public var arguments: [String]

    public init(_ arguments: [String]) {
        self.arguments = arguments
    }

    public init(_ name: String, _ rest: String...) {
        self.init([name] + rest)
    }

    public mutating func append(_ argument: String) {
        arguments.append(argument)
    }

    public mutating func append(_ argument: Int) {
        arguments.append(String(argument))
    }

    /// Command name for errors and logs (never the arguments, which may hold secrets).
    public var name: String {
        arguments.first?.uppercased() ?? ""
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
            writeDecimal(argument.utf8.count)
            bytes.append(contentsOf: argument.utf8)
            bytes.append(13)
            bytes.append(10)
        }
    }

    private mutating func writeDecimal(_ value: Int) {
        if value < 10 {
            bytes.append(UInt8(48 + value))
        } else {
            var divisor = 1
            while divisor <= value / 10 { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        bytes.append(13)
        bytes.append(10)
    }
}
