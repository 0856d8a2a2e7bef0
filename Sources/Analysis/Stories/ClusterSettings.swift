/// The tunable constants of story clustering. The defaults are the measured settings used for
/// every data set (see docs/stories.md).
public struct ClusterSettings: Sendable, Codable, Equatable {
    /// Words per shingle for MinHash and containment.
    public var shingleSize = 5
    /// MinHash bands (signature length is bands × rows).
    public var bands = 32
    /// MinHash rows per band.
    public var rows = 4
    /// How MinHash signatures are drawn (signatures of different schemes are not comparable).
    public var minhashScheme = MinHashScheme.onePermutation
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
    /// How much weight a word loses along the lead: the word at position `p` (title first)
    /// weighs 1 / (1 + `leadDecay` × p / `leadWords`), so at 0.25 the last lead word weighs four
    /// fifths of the first. News is written as an inverted pyramid: the opening says what
    /// happened, to whom and where; later sentences turn to background that other events of
    /// the kind share.
    public var leadDecay: Float = 0.25
    /// Cosine from which an article joins a story.
    public var storyThreshold: Float = 0.3
    /// Longest gap between an article and a story's latest article, when both are dated.
    public var timeWindow: Double = 4 * 24 * 3600
    /// Least cosine of an article's headline with one of a story's headlines for a TF-IDF join,
    /// when both have headlines: reports of one event announce it with the same names and words,
    /// follow-ups on a running story announce something else.
    public var headlineThreshold: Float = 0.4
    /// Lead cosine from which an article joins a story whatever the headlines say (a rewrite
    /// under a new headline).
    public var strongLeadThreshold: Float = 0.6
    /// When an article and a story are both dated this close together, headlines are not
    /// compared: reports of one event come within hours, follow-ups on a running story on later
    /// days. Undated articles are always compared.
    public var headlineWindow: Double = 24 * 3600

    /// The default settings.
    public init() {}

    /// Decodes settings; a key absent from an older snapshot takes its default value, except
    /// `headlineThreshold` and `leadDecay`, which take 0 (headlines not compared, every lead word
    /// weighing the same, as the snapshot was built), and `minhashScheme`, which takes
    /// `.permutations` (the scheme its signatures were drawn with): such settings differ from the
    /// defaults, so a store rebuilds the index with the current ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ClusterSettings()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        shingleSize = try value(.shingleSize, defaults.shingleSize)
        bands = try value(.bands, defaults.bands)
        rows = try value(.rows, defaults.rows)
        minhashScheme = try value(.minhashScheme, MinHashScheme.permutations)
        minhashThreshold = try value(.minhashThreshold, defaults.minhashThreshold)
        containmentThreshold = try value(.containmentThreshold, defaults.containmentThreshold)
        minimumContainmentSamples = try value(.minimumContainmentSamples, defaults.minimumContainmentSamples)
        containmentSampling = try value(.containmentSampling, defaults.containmentSampling)
        containmentWindow = try value(.containmentWindow, defaults.containmentWindow)
        leadWords = try value(.leadWords, defaults.leadWords)
        entityWeight = try value(.entityWeight, defaults.entityWeight)
        leadDecay = try value(.leadDecay, 0)
        storyThreshold = try value(.storyThreshold, defaults.storyThreshold)
        timeWindow = try value(.timeWindow, defaults.timeWindow)
        headlineThreshold = try value(.headlineThreshold, 0)
        strongLeadThreshold = try value(.strongLeadThreshold, defaults.strongLeadThreshold)
        headlineWindow = try value(.headlineWindow, defaults.headlineWindow)
    }
}
