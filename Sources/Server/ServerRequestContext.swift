import Hummingbird
import NIOCore

/// The request context of `FeedServer`: Hummingbird's basics plus the client's address, for
/// the access log.
struct ServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    private let channel: any Channel

    /// The client's IP address, or `-` when unknown (looked up only for the access log).
    var client: String { channel.remoteAddress?.ipAddress ?? "-" }

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
