/// Groups articles into stories as they arrive: copies (same URL, same text, MinHash
/// near-duplicates, teasers and truncations by containment) join the story of what they copy
/// and name it in `duplicateOf`; independent reports join the story whose title-and-lead
/// TF-IDF centroid is closest, when close enough, inside the time window, and, when both
/// sides have headlines and are not dated within a day of each other, under a headline that
/// announces the same thing (or with leads close enough to be a rewrite).
///
/// Every lookup goes through hash buckets or short posting chains, so adding an article costs
/// expected O(1) in the number of articles already indexed. The whole state is a `Codable`
/// `StorySnapshot`, so a store can save and restore it.
public struct StoryClusterer: Sendable {
    /// The settings in use.
    public let settings: ClusterSettings
    var state: StorySnapshot
    private let minHasher: MinHasher
    private let shingler: Shingler
    private let canonicalizer = URLCanonicalizer()

    /// An empty clusterer.
    public init(settings: ClusterSettings = ClusterSettings()) {
        self.init(snapshot: StorySnapshot(settings: settings))
    }

    /// A clusterer continuing from a saved snapshot.
    public init(snapshot: StorySnapshot) {
        settings = snapshot.settings
        state = snapshot
        minHasher = MinHasher(
            permutations: snapshot.settings.bands * snapshot.settings.rows, scheme: snapshot.settings.minhashScheme)
        shingler = Shingler(size: snapshot.settings.shingleSize)
    }

    /// The state to persist; `init(snapshot:)` continues from it.
    public var snapshot: StorySnapshot { state }

    /// Number of articles added.
    public var count: Int { state.articleIDs.count }

    /// Number of stories.
    public var storyCount: Int { state.stories.stories.count }

    /// Forgets the articles `keep` rejects (ones the store no longer holds), and the stories
    /// left without one: they are no longer found as what a later article copies or joins.
    /// The rest is indexed as before, every chain in its old order; story sizes and centroids,
    /// and the term statistics, still count the forgotten articles. Returns how many were
    /// forgotten.
    @discardableResult
    public mutating func forget(keeping keep: (String) -> Bool) -> Int {
        var entries = [Int32](repeating: -1, count: state.articleIDs.count)
        var kept: [Int] = []
        var storyLives = [Bool](repeating: false, count: state.stories.stories.count)
        for (entry, id) in state.articleIDs.enumerated() where keep(id) {
            entries[entry] = Int32(kept.count)
            kept.append(entry)
            storyLives[Int(state.articleStory[entry])] = true
        }
        let forgotten = state.articleIDs.count - kept.count
        guard forgotten > 0 else { return 0 }
        var stories = [Int32](repeating: -1, count: storyLives.count)
        var storyCount: Int32 = 0
        for (number, lives) in storyLives.enumerated() where lives {
            stories[number] = storyCount
            storyCount += 1
        }
        let old = state
        state.articleIDs = kept.map { old.articleIDs[$0] }
        state.articleStory = kept.map { stories[Int(old.articleStory[$0])] }
        state.urls = HashTable(old.urls.pairs.compactMap { entries[Int($0.value)] >= 0 ? ($0.key, entries[Int($0.value)]) : nil })
        state.contents = old.contents.compactMapValues { entries[Int($0)] >= 0 ? entries[Int($0)] : nil }
        state.lsh = old.lsh.keeping(kept)
        state.containment = old.containment.keeping(entries)
        state.stories = old.stories.keeping(stories)
        return forgotten
    }

    /// Adds an article and says which story it joins and why.
    public mutating func add(_ article: ClusterArticle) -> ClusterDecision {
        let words = StoryTokenizer.tokens(of: article.text).map(\.hash)
        let urlKey = article.url.flatMap(canonicalizer.canonicalize).map(StorySnapshot.urlKey)
        let contentHash = words.isEmpty ? nil : words.reduce(StableHash.seed, StableHash.combine)
        let shingles = shingler.shingles(ofWords: words)
        let signature = shingles.isEmpty ? nil : minHasher.signature(of: shingles)
        let samples = state.containment.samples(of: shingles)

        // The article enters the MinHash and containment indexes first; the chains as they
        // were before it are kept for the search of what it copies (one lookup per bucket).
        let entry = state.articleIDs.count
        let bandChains = state.lsh.insertKeepingChains(
            signature ?? [UInt32](repeating: .max, count: settings.bands * settings.rows))
        let sampleChains = state.containment.insertKeepingChains(samples: samples)
        let copy = findCopy(
            url: urlKey, contentHash: contentHash, signature: signature, bandChains: bandChains,
            sampleChains: sampleChains, entry: entry)

        let lead = StoryLead(
            title: article.title, text: article.text, leadWords: settings.leadWords,
            entityWeight: settings.entityWeight, decay: settings.leadDecay)
        let distinct = lead.distinct
        state.statistics.observe(distinct: distinct.map(\.term))
        let vector = lead.vector(statistics: state.statistics, distinct: distinct)
        let headline = StoryHeadline.vector(of: article.title, statistics: state.statistics)
        let lookup = lookupTerms(of: vector)
        let published = article.published?.timeIntervalSince1970

        let storyNumber: Int
        let decision: ClusterDecision
        if let copy {
            storyNumber = Int(state.articleStory[copy.article])
            state.stories.attach(vector, headline: headline, lookup: lookup, published: published, to: storyNumber)
            decision = ClusterDecision(
                storyID: state.stories.stories[storyNumber].id, duplicateOf: state.articleIDs[copy.article],
                explanation: ClusterExplanation(
                    signal: copy.signal, score: copy.score, matched: state.articleIDs[copy.article]))
        } else if let match = closestStory(to: vector, headline: headline, lookup: lookup, published: published) {
            storyNumber = match.story
            state.stories.attach(vector, headline: headline, lookup: lookup, published: published, to: storyNumber)
            let storyID = state.stories.stories[storyNumber].id
            decision = ClusterDecision(
                storyID: storyID, duplicateOf: nil,
                explanation: ClusterExplanation(
                    signal: .tfidf, score: Double(match.similarity), matched: storyID,
                    headlineScore: match.headlineSimilarity.map(Double.init)))
        } else {
            storyNumber = state.stories.open(
                id: article.id, vector: vector, headline: headline, lookup: lookup, published: published)
            decision = ClusterDecision(
                storyID: article.id, duplicateOf: nil, explanation: ClusterExplanation(signal: .new, score: 0))
        }

        let number = Int32(state.articleIDs.count)
        state.articleIDs.append(article.id)
        state.articleStory.append(Int32(storyNumber))
        if let urlKey, state.urls[urlKey] == nil { state.urls.exchange(urlKey, with: number) }
        if let contentHash, state.contents[contentHash] == nil { state.contents[contentHash] = number }
        return decision
    }

    private struct Copy {
        var article: Int
        var signal: ClusterSignal
        var score: Double
    }

    /// The earlier article that `entry` copies: same URL (`url` is its key in `urls`), same
    /// text, a MinHash candidate on `bandChains` or a containment match on `sampleChains` (the
    /// entry itself excluded).
    private func findCopy(
        url: UInt64?, contentHash: UInt64?, signature: [UInt32]?, bandChains: [Int32], sampleChains: [Int32],
        entry: Int
    ) -> Copy? {
        if let url, let match = state.urls[url] {
            return Copy(article: Int(match), signal: .url, score: 1)
        }
        if let contentHash, let match = state.contents[contentHash] {
            return Copy(article: Int(match), signal: .exact, score: 1)
        }
        var best: Copy?
        if let signature {
            for candidate in state.lsh.candidates(from: bandChains, of: signature) where candidate != entry {
                let score = state.lsh.similarity(of: signature, to: candidate)
                if score >= settings.minhashThreshold, score > (best?.score ?? 0) {
                    best = Copy(article: candidate, signal: .minhash, score: score)
                }
            }
        }
        if best != nil { return best }
        let minimum = settings.minimumContainmentSamples
        // A match scores shared / samples with at least `minimum` samples: fewer shared samples
        // than threshold × minimum cannot reach the threshold. Equal scores go to the oldest
        // entry, whatever order the matches come in.
        let sharing = max(1, Int((settings.containmentThreshold * Double(minimum)).rounded(.down)))
        state.containment.forEachMatch(from: sampleChains, sharing: sharing) { match in
            guard match.entry != entry else { return }
            var score = 0.0
            if match.querySamples >= minimum { score = max(score, match.queryInEntry) }
            if match.entrySamples >= minimum { score = max(score, match.entryInQuery) }
            guard score >= settings.containmentThreshold, score > 0 else { return }
            if let current = best, score < current.score || (score == current.score && match.entry > current.article) { return }
            best = Copy(article: match.entry, signal: .containment, score: score)
        }
        return best
    }

    /// The article's heaviest TF-IDF terms, without terms in more than 1% of a large index
    /// (their postings would be long and say little): what story postings are keyed by.
    private func lookupTerms(of vector: TermVector) -> [UInt64] {
        let limit = max(20, state.statistics.documents / 100)
        return vector.topTerms(state.stories.lookupTerms * 2)
            .filter { state.statistics.documentFrequency(of: $0) <= limit }
            .prefix(state.stories.lookupTerms).map { $0 }
    }

    private struct StoryMatch {
        var story: Int
        var similarity: Float
        var headlineSimilarity: Float?
    }

    /// The story whose centroid is closest to `vector`, at or above the story threshold, inside
    /// the time window, and announced by a headline like the article's (unless the leads alone
    /// are close enough, or both are dated within `headlineWindow`).
    private func closestStory(
        to vector: TermVector, headline: TermVector, lookup: [UInt64], published: Double?
    ) -> StoryMatch? {
        guard !vector.isEmpty else { return nil }
        var best: StoryMatch?
        for (number, similarity) in state.stories.candidates(
            of: vector, lookup: lookup, published: published, window: settings.timeWindow,
            minimum: settings.storyThreshold)
        {
            guard similarity >= settings.storyThreshold, similarity > (best?.similarity ?? 0) else { continue }
            let story = state.stories.stories[number]
            var sameDay = false
            if let published, let latest = story.latest {
                let gap = abs(published - latest)
                if gap > settings.timeWindow { continue }
                sameDay = gap <= settings.headlineWindow
            }
            let headlineSimilarity = story.headlineSimilarity(to: headline)
            if !sameDay, let headlineSimilarity, headlineSimilarity < settings.headlineThreshold,
                similarity < settings.strongLeadThreshold
            {
                continue
            }
            best = StoryMatch(story: number, similarity: similarity, headlineSimilarity: headlineSimilarity)
        }
        return best
    }
}
