/// Why `FeedServer` could not start.
public struct FeedServerError: Error, Equatable, CustomStringConvertible {
    /// A stable identifier of the kind of failure.
    public enum Code: String, Sendable {
        /// The root folder does not exist or is not a folder.
        case rootNotFound
        /// Another process already listens on the address.
        case addressInUse
        /// The address cannot be listened on for another reason (unknown host, no permission).
        case cannotListen
    }

    /// The kind of failure.
    public let code: Code
    /// The one-line explanation a person reads.
    public let message: String

    /// The root folder is missing.
    public static func rootNotFound(_ path: String) -> FeedServerError {
        FeedServerError(code: .rootNotFound, message: "\(path): no such folder to serve")
    }

    /// The address is taken.
    public static func addressInUse(host: String, port: Int) -> FeedServerError {
        FeedServerError(code: .addressInUse, message: "\(host):\(port) is already in use")
    }

    /// The address cannot be listened on.
    public static func cannotListen(host: String, port: Int, reason: String) -> FeedServerError {
        FeedServerError(code: .cannotListen, message: "cannot listen on \(host):\(port): \(reason)")
    }

    /// The one line a person reads.
    public var description: String { message }
}
