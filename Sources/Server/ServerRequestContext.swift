import Hummingbird
import NIOCore

/// The request context of `FeedServer`: Hummingbird's basics plus the client's address, for
/// the access log.
struct ServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address, or `-` when unknown.
    let client: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}
