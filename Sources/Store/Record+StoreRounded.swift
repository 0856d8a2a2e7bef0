import Foundation

extension SourceRecord {
    /// This source as it reads back from a store: dates rounded to the millisecond.
    var storeRounded: SourceRecord {
        var copy = self
        copy.lastFetched = lastFetched?.storeRounded
        copy.lastSuccess = lastSuccess?.storeRounded
        copy.nextFetch = nextFetch?.storeRounded
        return copy
    }
}

extension ArticleRecord {
    /// This article as it reads back from a store: dates rounded to the millisecond.
    var storeRounded: ArticleRecord {
        var copy = self
        copy.published = published?.storeRounded
        copy.updated = updated?.storeRounded
        copy.firstSeen = firstSeen.storeRounded
        copy.lastChanged = lastChanged.storeRounded
        return copy
    }
}

extension StoryRecord {
    /// This story as it reads back from a store: dates rounded to the millisecond.
    var storeRounded: StoryRecord {
        var copy = self
        copy.firstSeen = firstSeen.storeRounded
        copy.updated = updated.storeRounded
        return copy
    }
}
