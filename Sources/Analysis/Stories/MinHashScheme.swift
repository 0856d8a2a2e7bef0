/// How a `MinHasher` draws its signature values. Signatures of different schemes are not
/// comparable, so the scheme is part of `ClusterSettings` and stored with every snapshot.
public enum MinHashScheme: String, Sendable, Codable, CaseIterable {
    /// One multiply-add hash function per signature value, each minimized over every shingle
    /// (128 multiplications per shingle): the scheme of snapshots written before the setting.
    case permutations
    /// One hash per shingle: its top bits choose a bin, its low 32 bits compete for that bin's
    /// minimum; empty bins borrow the value of a pseudo-randomly chosen filled bin ("optimal
    /// densification", Shrivastava 2017). One multiplication per shingle, same estimate.
    case onePermutation
}
