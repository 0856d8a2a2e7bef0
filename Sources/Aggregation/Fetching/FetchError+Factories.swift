import Foundation

extension FetchError {
    static func invalidURL(_ url: String) -> FetchError {
        FetchError(code: .invalidURL, message: "invalid URL: \(url)", url: url)
    }

    static func unsupportedScheme(_ scheme: String, url: String) -> FetchError {
        FetchError(code: .unsupportedScheme, message: "unsupported URL scheme \"\(scheme)\"", url: url)
    }

    static func status(_ status: Int, url: String, retryAfter: Date?, now: Date) -> FetchError {
        if status == 410 {
            return FetchError(code: .gone, message: "gone (HTTP 410): source retired", url: url, status: status)
        }
        var message = "HTTP \(status) \(reasonPhrase(status))"
        if let retryAfter {
            message += " (retry after \(HumanReadable.seconds(retryAfter.timeIntervalSince(now))))"
        }
        return FetchError(code: .httpStatus, message: message, url: url, status: status, retryAfter: retryAfter)
    }

    static func tooLarge(limit: Int, url: String) -> FetchError {
        FetchError(code: .tooLarge, message: "response larger than \(HumanReadable.text(limit))", url: url)
    }

    static func redirectLoop(at url: String) -> FetchError {
        FetchError(code: .redirectLoop, message: "redirect loop at \(url)", url: url)
    }

    static func tooManyRedirects(_ limit: Int, url: String) -> FetchError {
        FetchError(code: .tooManyRedirects, message: "more than \(limit) redirects", url: url)
    }

    static func badRedirect(_ status: Int, url: String) -> FetchError {
        FetchError(code: .badRedirect, message: "HTTP \(status) redirect without a usable Location", url: url, status: status)
    }

    static func timedOut(after seconds: Double, url: String) -> FetchError {
        FetchError(code: .timedOut, message: "timed out after \(HumanReadable.seconds(seconds))", url: url)
    }

    /// The connection was made and the request sent, and nothing came back within the timeout:
    /// not even a status line.
    static func noAnswer(after seconds: Double, url: String) -> FetchError {
        FetchError(code: .timedOut, message: noAnswerWithin + HumanReadable.seconds(seconds), url: url)
    }

    static let noAnswerWithin = "no answer within "

    static func connectionReset(after bytes: Int, url: String) -> FetchError {
        FetchError(code: .connectionReset, message: "connection reset after \(HumanReadable.text(bytes))", url: url)
    }

    static func connectionFailed(_ reason: String, url: String) -> FetchError {
        FetchError(code: .connectionFailed, message: cannotConnect + reason, url: url)
    }

    static let cannotConnect = "cannot connect: "
    static let connectionRefused = "connection refused"
    static let unknownHost = "unknown host"
    static let noConnectionWithin = "no connection within "

    static func disallowedByRobots(_ url: String) -> FetchError {
        FetchError(code: .disallowedByRobots, message: "disallowed by robots.txt", url: url)
    }

    static func fileNotFound(_ path: String) -> FetchError {
        FetchError(code: .fileNotFound, message: "file not found: \(path)", url: path)
    }

    static func fileUnreadable(_ path: String, reason: String) -> FetchError {
        FetchError(code: .fileUnreadable, message: "cannot read \(path): \(reason)", url: path)
    }

    static func cancelled(_ url: String) -> FetchError {
        FetchError(code: .cancelled, message: "cancelled", url: url)
    }

    /// The standard reason phrase of a status, for messages.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: status >= 500 ? "Server Error" : "Client Error"
        }
    }
}
