/// Where the clusterer put an article, and why.
public struct ClusterDecision: Sendable, Codable, Equatable {
    /// The story the article belongs to (the id of the story's first article).
    public var storyID: String
    /// The earlier article this one copies, for exact and near-exact copies only.
    public var duplicateOf: String?
    /// The signal that decided, with its score.
    public var explanation: ClusterExplanation

    /// A decision.
    public init(storyID: String, duplicateOf: String?, explanation: ClusterExplanation) {
        self.storyID = storyID
        self.duplicateOf = duplicateOf
        self.explanation = explanation
    }
}

/// The evidence behind a `ClusterDecision`.
public struct ClusterExplanation: Sendable, Codable, Equatable {
    /// Which signal decided.
    public var signal: ClusterSignal
    /// Its score (1 for exact matches; resemblance, containment or cosine otherwise).
    public var score: Double
    /// The article (for copies) or story (for `tfidf`) matched, if any.
    public var matched: String?
    /// For `tfidf`: the best cosine of the article's headline with the story's headlines, when
    /// both have headlines.
    public var headlineScore: Double?

    /// An explanation.
    public init(signal: ClusterSignal, score: Double, matched: String? = nil, headlineScore: Double? = nil) {
        self.signal = signal
        self.score = score
        self.matched = matched
        self.headlineScore = headlineScore
    }
}

/// The signals that join an article to a story.
public enum ClusterSignal: String, Sendable, Codable, CaseIterable {
    /// Same canonical URL as an earlier article.
    case url
    /// Same normalized text.
    case exact
    /// MinHash resemblance of word shingles (copy, copy-edit, reordering).
    case minhash
    /// One text's opening contained in the other (teaser, truncated copy).
    case containment
    /// TF-IDF cosine of title and lead against a story (independent report of the same event).
    case tfidf
    /// Nothing matched: a new story.
    case new
}
