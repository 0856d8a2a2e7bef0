import Foundation
import Syndication

/// Reads the caching and retry headers of a response.
enum CacheHeaders {
    /// Seconds the response stays fresh: `Cache-Control: max-age` (or `s-maxage`), else `Expires` minus `Date`
    /// (or minus now). `no-cache`/`no-store` give 0.
    static func maxAge(cacheControl: String?, expires: String?, date: String?, now: Date) -> Double? {
        if let cacheControl {
            var maxAge: Double?
            for directive in cacheControl.split(separator: ",") {
                let pair = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let name = pair.first else { continue }
                if name == "no-cache" || name == "no-store" { return 0 }
                if name == "max-age", maxAge == nil, pair.count == 2, let seconds = Double(pair[1].trimmingCharacters(in: ["\""])) {
                    maxAge = max(0, seconds)
                }
            }
            if let maxAge { return maxAge }
        }
        guard let expires else { return nil }
        guard let expiry = HTTPDate.parse(expires) else { return 0 }  // an invalid Expires means "already expired"
        let reference = date.flatMap(HTTPDate.parse) ?? now
        return max(0, expiry.timeIntervalSince(reference))
    }

    /// The date named by `Retry-After`: delay seconds or an HTTP date.
    static func retryAfter(_ value: String?, now: Date) -> Date? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return now.addingTimeInterval(Double(max(0, seconds))) }
        return HTTPDate.parse(value)
    }
}
