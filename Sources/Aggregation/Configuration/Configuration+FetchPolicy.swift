extension Configuration {
    /// The fetcher's policy from the `fetch` section and the contact address.
    public var fetchPolicy: FetchPolicy {
        var policy = FetchPolicy()
        policy.userAgent = userAgent
        policy.requestTimeout = fetch.timeout.seconds
        policy.maxBodyBytes = fetch.maxBodySize.bytes
        policy.maxRedirects = fetch.maxRedirects
        policy.globalConcurrency = fetch.concurrency
        policy.perHostConcurrency = fetch.perHostConcurrency
        policy.perHostDelay = fetch.perHostDelay.seconds
        policy.respectRobots = fetch.robots
        return policy
    }
}
