/// Which stories a feed shows.
public enum StoryFilter: Sendable, Hashable {
    /// Every story.
    case all
    /// Stories carrying the topic with this id.
    case topic(String)
    /// Stories carrying the region (or country) with this id, at any level.
    case region(String)
}
