public import Logging

/// Where `FeedServer` writes one line per request, in a form close to the Common Log Format:
/// `127.0.0.1 - - [29/Nov/2026:05:10:39 +0000] "GET /all.atom HTTP/1.1" 200 1234 0.4ms`
/// (client, date, request line, status, body bytes sent, time to answer).
public struct AccessLog: Sendable {
    let write: (@Sendable (String) -> Void)?

    /// No access log.
    public static let off = AccessLog(write: nil)

    /// Each line as a message to a logger, at the given level.
    public static func logger(_ logger: Logger, level: Logger.Level = .info) -> AccessLog {
        AccessLog { line in logger.log(level: level, "\(line)") }
    }

    /// Each line, without a line break, to a closure (which must be safe to call from several
    /// requests at once).
    public static func writer(_ write: @escaping @Sendable (String) -> Void) -> AccessLog {
        AccessLog(write: write)
    }

    /// Whether lines are written at all.
    var isEnabled: Bool { write != nil }

    /// Writes the line of one answered request.
    func record(client: String, secondsSince1970: Int, method: String, target: String, status: Int, bytes: Int, elapsed: Duration) {
        guard let write else { return }
        let microseconds = Int(elapsed.components.seconds) * 1_000_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000)
        let tenths = (microseconds + 50) / 100
        write(
            "\(client) - - [\(HTTPDate.commonLogFormat(secondsSince1970))] \"\(method) \(Self.escaped(target)) HTTP/1.1\" "
                + "\(status) \(bytes) \(tenths / 10).\(tenths % 10)ms")
    }

    /// The request target with quotes, backslashes and control characters escaped, so that a
    /// request cannot forge or break a log line.
    static func escaped(_ target: String) -> String {
        guard target.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return target
        }
        var result = ""
        for scalar in target.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += scalar.value < 0x10 ? "\\x0" : "\\x"
                result += String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
