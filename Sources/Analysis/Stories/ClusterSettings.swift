/// The tunable constants of story clustering. The defaults are the measured settings used for
/// every data set (see docs/stories.md).
public struct ClusterSettings: Sendable, Codable, Equatable {
    /// Words per shingle for MinHash and containment.
    public var shingleSize = 5
    /// MinHash bands (signature length is bands × rows).
    public var bands = 32
    /// MinHash rows per band.
    public var rows = 4
    /// Estimated resemblance from which two texts are near-duplicates.
    public var minhashThreshold = 0.5
    /// Containment (either way) from which a text is a teaser or truncated copy of another.
    public var containmentThreshold = 0.7
    /// Fewest sampled shingles for containment to be trusted.
    public var minimumContainmentSamples = 3
    /// One opening shingle in `containmentSampling` is indexed.
    public var containmentSampling: UInt64 = 4
    /// Opening shingles considered for containment.
    public var containmentWindow = 200
    /// Words of text (after the title) forming the lead for TF-IDF.
    public var leadWords = 100
    /// Weight of name-like terms (capitalized inside a sentence, numbers).
    public var entityWeight: Float = 2
    /// Cosine from which an article joins a story.
    public var storyThreshold: Float = 0.3
    /// Longest gap between an article and a story's latest article, when both are dated.
    public var timeWindow: Double = 4 * 24 * 3600

    /// The default settings.
    public init() {}
}
