/// A small English stop-word list for story similarity, stored as stable hashes.
enum StoryStopWords {
    /// Hashes of the stop words.
    static let hashes: Set<UInt64> = Set(words.map(StableHash.hash))

    /// Function words and reporting verbs that say nothing about which event a report is about.
    static let words: [String] = """
        a an the and or but if of to in on at by for with from as is was were be been being are \
        it its this that these those he she they we you i me him her them his hers their our your \
        not no nor so than then there here who whom whose which what when where why how all any \
        both each few more most other some such only own same too very can will just do does did \
        done has have had having would could should may might must shall said says say saying also \
        after before over under about into through during up down out off again further once new \
        one two three mr mrs ms told according while since until because though although just \
        like get got make made year years day days time week last first said news reported \
        report reports people would year's yesterday today now still even well back way many much
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
