/// What an element is to the validator, decided when it starts from its name and its parent.
enum ElementKind: Hashable {
    case atomFeed, atomEntry, atomSource, atomPerson, atomText, atomContent, atomLink, atomCategory, atomDate, atomID, atomGenerator
    case rssRoot, rssChannel, rssItem, rssImage, rssTextInput, rssCloud, rssSkipHours, rssSkipDays, rssEnclosure, rssGuid, rssSource
    case rdfRoot, rss1Channel, rss1Item, rss1Image, rss1TextInput, rss1Items
    /// An element holding one value of the given kind.
    case value(ValueKind)
    /// A known extension element with attributes or children (itunes:owner, media:group …).
    case structured
    /// Markup inside an XHTML text construct.
    case xhtml
    /// Anything whose content is not checked (unknown extensions, already reported markup).
    case opaque
}

/// The kind of value a simple element holds.
enum ValueKind: Hashable {
    case plain, rssText, html, iri, addrSpec, personName, fullURL, contact, language, rfc822, w3cdtf
    case nonNegativeInteger, positiveInteger, width, height, hour, day, updatePeriod, yesNo, yesNoClean, duration
    case commaIntegers, point, coordinateList, episodeType, channelType, imageURL, iTunesEmail, commentRSS, trueFalse
    case text255, text4000, keywords, mediaRating, mediaHash, mediaRestriction, latitude, longitude
}
