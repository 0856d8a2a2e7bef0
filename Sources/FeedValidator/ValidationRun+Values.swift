import LibXML

/// Checks of simple values, when their element ends.
extension ValidationRun {
    static let dayNamesFull: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    func valueEnd(_ frame: Frame, kind: ValueKind) {
        let raw = frame.string
        let value = raw.trimmed
        let name = frame.name.qualifiedName
        if !stack.isEmpty, value.utf8.count < 1024, frame.name.namespaceURI == nil || frame.name.namespaceURI == Namespace.rss10 {
            stack[stack.count - 1].values[frame.name.localName] = value
        }
        switch kind {
        case .plain, .personName:
            if kind == .personName && value.isEmpty { report("NotBlank", "name should not be empty", at: frame) }
        case .rssText:
            if HTMLCheck.hasHTMLEndTag(value) { report("ContainsHTML", "\(name) should be plain text, but it contains HTML", at: frame) }
            if value.isEmpty && frame.name.localName == "title" { report("NotBlank", "the title should not be empty", at: frame) }
        case .html:
            htmlFindings(raw, frame: frame, relativeLinks: true)
            if frame.name.namespaceURI == Namespace.content && frame.name.localName == "encoded" && format == .rss20,
                stack.last?.kind == .rssItem, stack.last?.count("description") == 0
            {
                report(
                    "NeedDescriptionBeforeContent", "give the item a description before content:encoded, for readers that show only one", at: frame)
            }
        case .iri:
            checkURI(value, code: "InvalidIRI", full: false, iri: true, frame: frame)
        case .addrSpec:
            if !ValueCheck.isAddrSpec(value) { report("InvalidAddrSpec", "'\(value)' is not an e-mail address (user@example.com)", at: frame) }
        case .iTunesEmail:
            if !ValueCheck.isAddrSpec(value) { report("InvalidContact", "'\(value)' is not an e-mail address", at: frame) }
        case .fullURL, .imageURL:
            if let problem = URICheck.check(value, code: "InvalidFullLink", full: true) {
                report(problem.code, "\(name): \(problem.reason)", at: frame)
            } else if kind == .imageURL {
                let lowered = value.lowercased().split(separator: "?").first.map(String.init) ?? ""
                if ![".jpg", ".jpeg", ".gif", ".png", ".ico", ".webp", ".svg", ".bmp"].contains(where: lowered.hasSuffix) {
                    report("ImageUrlFormat", "the image url does not look like an image (jpg, gif or png)", at: frame)
                }
            }
        case .contact:
            switch ValueCheck.contact(value) {
            case .valid: break
            case .noName: report("MissingRealName", "\(name) should give a name after the address: \(value) (Name)", at: frame)
            case .otherFormat: report("EmailFormat", "\(name) should be written address (Name), e.g. ada@example.com (Ada)", at: frame)
            case .invalid:
                report("InvalidContact", "\(name) '\(value)' must be an e-mail address, optionally with a name: user@example.com (Name)", at: frame)
            }
        case .language:
            if !ValueCheck.isLanguage(value) { report("InvalidLanguage", "'\(value)' is not a language code such as en or en-us", at: frame) }
        case .rfc822:
            rfc822End(value, frame: frame)
        case .w3cdtf:
            if let problem = DateCheck.w3cdtf(value) {
                report("InvalidW3CDTFDate", "'\(value)' is not a W3C-DTF date (YYYY-MM-DDThh:mm:ssZ): \(problem)", at: frame)
            } else if let (year, month, day) = Self.dateParts(value) {
                checkPlausible(year: year, month: month, day: day, frame: frame)
            }
        case .nonNegativeInteger, .positiveInteger:
            let number = ValueCheck.integer(value)
            if kind == .positiveInteger && (number ?? 0) <= 0 && !(name == "itunes:episode" || name == "itunes:season") {
                report("InvalidPositiveInteger", "\(name) must be a whole number greater than zero, not '\(value)'", at: frame)
            } else if kind == .positiveInteger && (number ?? 0) <= 0 {
                report("InvalidPositiveInteger", "\(name) must be a whole number greater than zero, not '\(value)'", at: frame)
            } else if kind == .nonNegativeInteger && (number ?? -1) < 0 {
                report("InvalidNonNegativeInteger", "\(name) must be a whole number, not '\(value)'", at: frame)
            }
        case .width, .height:
            let maximum = kind == .width ? 144 : 400
            if let number = ValueCheck.integer(value), number > 0 && number <= maximum {
                break
            }
            report(
                kind == .width ? "InvalidWidth" : "InvalidHeight", "\(name) must be a whole number from 1 to \(maximum), not '\(value)'", at: frame)
        case .hour:
            if value == "24" {
                report("UseZeroForMidnight", "write midnight as 0, not 24", at: frame)
            } else if let hour = ValueCheck.integer(value), (0...23).contains(hour), !value.hasPrefix("+"), !value.hasPrefix("-") {
                break
            } else {
                report("InvalidHour", "hour must be a whole number from 0 to 23, not '\(value)'", at: frame)
            }
        case .day:
            if !Self.dayNamesFull.contains(value) { report("InvalidDay", "day must be Monday, Tuesday … or Sunday, not '\(value)'", at: frame) }
        case .updatePeriod:
            if !["hourly", "daily", "weekly", "monthly", "yearly"].contains(value) {
                report("InvalidUpdatePeriod", "sy:updatePeriod must be hourly, daily, weekly, monthly or yearly", at: frame)
            }
        case .yesNo:
            if !["yes", "no", "true", "false"].contains(value.lowercased()) {
                report("InvalidYesNo", "\(name) must be yes or no, not '\(value)'", at: frame)
            }
        case .trueFalse:
            if !["true", "false"].contains(raw.lowercased()) {
                report("InvalidTrueFalse", "\(name) must be true or false, not '\(raw)'", at: frame)
            }
        case .text255, .text4000, .keywords:
            let limit = kind == .text4000 ? 4000 : 255
            if value.count > limit { report("TooLong", "\(name) is \(value.count) characters long; the limit is \(limit)", at: frame) }
            if kind == .keywords && value.contains(" ") && !value.contains(",") {
                report("InvalidKeywords", "separate itunes:keywords with commas", at: frame)
            }
        case .latitude:
            if !(Double(value).map { (-90...90).contains($0) } ?? false) {
                report("InvalidLatitude", "'\(value)' is not a latitude (-90 to 90)", at: frame)
            }
        case .longitude:
            if !(Double(value).map { (-180...180).contains($0) } ?? false) {
                report("InvalidLongitude", "'\(value)' is not a longitude (-180 to 180)", at: frame)
            }
        case .mediaRating, .mediaHash, .mediaRestriction:
            mediaValueEnd(frame, kind: kind, value: value)
        case .yesNoClean:
            if !["yes", "no", "clean"].contains(value.lowercased()) {
                report("InvalidYesNoClean", "\(name) must be yes, no or clean, not '\(value)'", at: frame)
            }
        case .duration:
            if !Self.isDuration(value) { report("InvalidDuration", "itunes:duration must be seconds, MM:SS or HH:MM:SS, not '\(value)'", at: frame) }
        case .commaIntegers:
            let pieces = value.split(separator: ",", omittingEmptySubsequences: false)
            if pieces.enumerated().contains(where: { index, piece in
                let digits = index == 0 ? Substring(piece) : piece.drop { $0 == " " || $0 == "\t" }
                return digits.isEmpty || !digits.allSatisfy { $0.isASCII && $0.isNumber }
            }) {
                report("InvalidCommaSeparatedIntegers", "\(name) must be whole numbers separated by commas", at: frame)
            }
        case .point:
            geoPoint(value, frame: frame)
        case .coordinateList:
            let numbers = value.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            if numbers.count < 4 || numbers.count % 2 != 0 || numbers.contains(where: { Double($0) == nil }) {
                report("InvalidCoordList", "\(name) must be pairs of latitude and longitude separated by spaces", at: frame)
            }
        case .episodeType:
            if !["full", "trailer", "bonus"].contains(value) {
                report("InvalidItunesEpisodeType", "itunes:episodeType must be full, trailer or bonus", at: frame)
            }
        case .channelType:
            if !["episodic", "serial"].contains(value) { report("InvalidItunesChannelType", "itunes:type must be episodic or serial", at: frame) }
        case .commentRSS:
            report("CommentRSS", "the element is wfw:commentRss (lower-case ss); wfw:commentRSS is not recognised", at: frame)
        }
    }

    private func rfc822End(_ value: String, frame: Frame) {
        switch DateCheck.rfc822(value) {
        case .valid(let parsed):
            checkPlausible(year: parsed.year, month: parsed.month, day: parsed.day, frame: frame)
        case .problematic(_, let problem):
            report("ProblematicalRFC822Date", "'\(value)' is a legal but unusual RFC 822 date: \(problem)", at: frame)
        case .wrongWeekday(let problem):
            report("IncorrectDOW", "the day of the week is wrong: \(problem)", at: frame)
        case .invalid(let problem):
            let slash = value.contains("/") && value.count <= 10
            if slash { report("SlashDate", "dates like '\(value)' are ambiguous", at: frame) }
            report("InvalidRFC2822Date", "'\(value)' is not an RFC 822 date (e.g. Sat, 07 Sep 2002 09:42:31 GMT): \(problem)", at: frame)
        }
    }

    private func geoPoint(_ value: String, frame: Frame) {
        let numbers = value.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        if value.contains(",") {
            report("CoordComma", "separate latitude and longitude with a space, not a comma", at: frame)
            return
        }
        guard numbers.count == 2, let latitude = Double(numbers[0]), let longitude = Double(numbers[1]) else {
            report("InvalidCoord", "georss:point must be a latitude and a longitude separated by a space", at: frame)
            return
        }
        if !(-90...90).contains(latitude) { report("InvalidLatitude", "latitude \(latitude) is not between -90 and 90", at: frame) }
        if !(-180...180).contains(longitude) { report("InvalidLongitude", "longitude \(longitude) is not between -180 and 180", at: frame) }
    }

    /// Seconds, or `H:MM`/`H:MM:SS` with two-digit minutes and seconds below 60.
    static func isDuration(_ value: String) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { $0.count == 2 && (Int($0) ?? 60) < 60 }
    }
}
