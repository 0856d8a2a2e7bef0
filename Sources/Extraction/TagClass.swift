/// What an element's name makes it, for the passes over a page that ask it again and again:
/// worked out once per element when the tree is built, where each pass hashed the name into a
/// set of names for every element it met.
struct TagClass: OptionSet, Sendable {
    let rawValue: UInt16

    /// Its text never counts as page content (`PageTree.invisibleElements`).
    static let invisible = TagClass(rawValue: 1 << 0)
    /// A control or graphic (`PageTree.controlElements`).
    static let control = TagClass(rawValue: 1 << 1)
    /// Never article text (`BoilerplateFilter.furnitureElements`).
    static let furniture = TagClass(rawValue: 1 << 2)
    /// Starts a new block of text (`PageAnalysis.blockElements`).
    static let block = TagClass(rawValue: 1 << 3)
    /// Its long own text counts as prose (`PageAnalysis.paragraphLike`).
    static let paragraphLike = TagClass(rawValue: 1 << 4)
    /// May hold an article (`ContentScorer.containers`).
    static let container = TagClass(rawValue: 1 << 5)
    /// A block kept as a tag in the article's HTML (`ArticleRenderer.structuralTags`).
    static let structural = TagClass(rawValue: 1 << 6)
    /// A block whose inline content needs no `<p>` wrapper (`ArticleRenderer.inlineHolders`).
    static let inlineHolder = TagClass(rawValue: 1 << 7)
    /// An inline element kept as a tag (`ArticleRenderer.inlineTags`).
    static let inline = TagClass(rawValue: 1 << 8)
    /// A heading, `h1` to `h6` (`BoilerplateFilter.isHeading`).
    static let heading = TagClass(rawValue: 1 << 9)

    /// The classes of an element named `name` (lower case).
    static func of(_ name: String) -> TagClass {
        var result: TagClass = []
        if PageTree.invisibleElements.contains(name) { result.insert(.invisible) }
        if PageTree.controlElements.contains(name) { result.insert(.control) }
        if BoilerplateFilter.furnitureElements.contains(name) { result.insert(.furniture) }
        if PageAnalysis.blockElements.contains(name) { result.insert(.block) }
        if PageAnalysis.paragraphLike.contains(name) { result.insert(.paragraphLike) }
        if ContentScorer.containers.contains(name) { result.insert(.container) }
        if ArticleRenderer.structuralTags.contains(name) { result.insert(.structural) }
        if ArticleRenderer.inlineHolders.contains(name) { result.insert(.inlineHolder) }
        if ArticleRenderer.inlineTags.contains(name) { result.insert(.inline) }
        if BoilerplateFilter.isHeading(name) { result.insert(.heading) }
        return result
    }
}
