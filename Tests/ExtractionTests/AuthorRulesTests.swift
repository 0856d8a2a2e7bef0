import Testing

@testable import Extraction

/// Where authors come from and how their names are cleaned.
@Suite("Author rules")
struct AuthorRulesTests {
    private func extract(head: String = "", body: String) -> ExtractedPage {
        ArticleExtractor.extract(FixtureLoader.page(head: head, body: body), url: nil, contentType: nil)
    }

    @Test func graphAuthorReferencedByIdentifier() {
        let head = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"NewsArticle","headline":"Budget","author":{"@id":"https://x.example/#/person/ana"},"datePublished":"2024-03-05"},
            {"@type":"Person","@id":"https://x.example/#/person/ana","name":"Ana Lima","jobTitle":"Reporter"}]}</script>
            """
        #expect(extract(head: head, body: "<article>\(FixtureLoader.prose)</article>").authors == ["Ana Lima"])
    }

    @Test func scholarlyCitationAuthorsAreLastCommaFirst() {
        let head = """
            <meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Kaufman, Jeff T.">
            <meta name="citation_author" content="Md Najmul Hossain"><meta name="citation_author" content="Smith, Jr.">
            """
        let authors = extract(head: head, body: "<article>\(FixtureLoader.prose)</article>").authors
        #expect(authors.prefix(3) == ["Aniruddha Roy", "Jeff T. Kaufman", "Md Najmul Hossain"])
        #expect(MetadataExtractor.citationName("Smith, Jr.") == "Smith, Jr.")
        #expect(MetadataExtractor.citationName("Lee, Kim, Park") == "Lee, Kim, Park")
    }

    @Test func aCommentFormsNameFieldAndReadersAreNoAuthors() {
        let body = """
            <article>\(FixtureLoader.prose)</article>
            <div id="comments"><ol class="comment-list"><li><div class="comment-author">Reader Joe</div><p>Nice piece.</p></li></ol>
            <form id="commentform"><p class="comment-form-author"><label for="author">Name</label><input id="author" name="author"></p>
            <p class="comment-form-comment"><textarea name="comment"></textarea></p></form></div>
            """
        #expect(extract(body: body).authors == [])
    }

    @Test func organizationAuthorWhenNoPersonIsNamed() {
        let head = """
            <script type="application/ld+json">{"@type":"Article","headline":"Budget",
            "author":{"@type":"Organization","name":"Harbour Post Media"}}</script>
            """
        #expect(extract(head: head, body: "<article>\(FixtureLoader.prose)</article>").authors == ["Harbour Post Media"])
        let mixed = """
            <script type="application/ld+json">{"@type":"Article","headline":"Budget",
            "author":[{"@type":"Organization","name":"Harbour Post Media"},{"@type":"Person","name":"Jo Park"}]}</script>
            """
        #expect(extract(head: mixed, body: "<article>\(FixtureLoader.prose)</article>").authors == ["Jo Park"])
    }

    @Test func statedAuthorIsKeptEvenWhenItIsTheSiteName() {
        let head = "<meta property=\"og:site_name\" content=\"Rita Moreno\"><meta name=\"author\" content=\"Rita Moreno\">"
        #expect(extract(head: head, body: "<article>\(FixtureLoader.prose)</article>").authors == ["Rita Moreno"])
    }

    /// A source naming only a team does not hide a person a later source names; with no
    /// person anywhere, the team is the author.
    @Test func aTeamIsTheAuthorOnlyWhenNoPersonIsNamed() {
        let head = "<meta name=\"author\" content=\"Harbour Post Staff\">"
        let byline = "<article><h1>Budget passes</h1><p class=\"byline\">By Jane Doe</p>\(FixtureLoader.prose)</article>"
        #expect(extract(head: head, body: byline).authors == ["Jane Doe"])
        #expect(extract(head: head, body: "<article>\(FixtureLoader.prose)</article>").authors == ["Harbour Post Staff"])
    }

    /// "Written by" is read like "By": the name after it counts, not the "by".
    @Test func writtenByLabelBesideTheHeadline() {
        let body = """
            <article><div class="side"><h1>Ten catering trends</h1><div><p>Last updated</p><time>Aug 04, 2025</time></div>
            <div><p>Written by</p><p>Edda Tabor</p></div></div>\(FixtureLoader.prose)</article>
            """
        #expect(extract(body: body).authors == ["Edda Tabor"])
    }

    /// An explicit "Written by" in an author box after the article names its author; a bare
    /// "By" there (a related story's byline) does not.
    @Test func writtenByInAnAuthorBoxAfterTheArticle() {
        let prose = String(repeating: FixtureLoader.prose, count: 4)
        let box = "<article><h1>Budget passes</h1>\(prose)</article><div class=\"box\"><p>Written by Jo Park</p></div>"
        #expect(extract(body: box).authors == ["Jo Park"])
        let related = "<article><h1>Budget passes</h1>\(prose)</article><div class=\"more\"><p>By Jo Park</p></div>"
        #expect(extract(body: related).authors == [])
    }

    /// A class that holds "author" inside another word ("authorization-link", a log-in menu
    /// entry) marks no byline.
    @Test func aLogInLinkIsNoByline() {
        let body = """
            <ul class="header links"><li class="link authorization-link"><a href="/login">Sign In</a></li></ul>
            <article><h1>Budget passes</h1>\(FixtureLoader.prose)</article>
            """
        #expect(extract(body: body).authors == [])
    }

    /// An author that is the site's own name (an organization crediting itself) gives way to a
    /// person the article's byline names, and stays when none does.
    @Test func theSitesNameGivesWayToAPersonsByline() {
        let head = "<meta property=\"og:site_name\" content=\"Harbour Trust\"><meta name=\"author\" content=\"Harbour Trust\">"
        let byline = "<article><h1>Eat well for less</h1><p class=\"byline\">By Tracy Parker ●</p>\(FixtureLoader.prose)</article>"
        #expect(extract(head: head, body: byline).authors == ["Tracy Parker"])
        #expect(extract(head: head, body: "<article>\(FixtureLoader.prose)</article>").authors == ["Harbour Trust"])
    }

    /// An author photo in the byline names the author by its `alt` when no text does; a logo
    /// there names no one.
    @Test func anAuthorPhotoNamesTheAuthor() {
        let photo = """
            <article><h1>Budget passes</h1><div class="byline"><img class="article-byline__avatar" alt="Profile photo of author Jo Park" src="/jo.jpg"></div>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(body: photo).authors == ["Jo Park"])
        let logo = """
            <article><h1>Budget passes</h1><div class="byline"><img class="author-image" alt="Harbour Post logo" src="/logo.png"></div>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(body: logo).authors == [])
    }

    /// A link to the author's archive (`/author/…`, `/authors/…`) near the article names its
    /// author; in a menu, or after "Edited by" or "Contact", it does not.
    @Test func aLinkToTheAuthorsArchiveIsAByline() {
        let byline = """
            <article><h1>Budget passes</h1><p><a href="/blog/author/jo-park/">Jo Park</a> · June 3</p>
            <p>Edited by: <a href="/authors/ann-lee/">Ann Lee</a></p>\(FixtureLoader.prose)</article>
            """
        #expect(extract(body: byline).authors == ["Jo Park"])
        let menu = """
            <div class="top"><ul class="menu"><li class="menu-item"><a href="/author/harbourpost/">Harbour Post</a></li></ul></div>
            <article><h1>Budget passes</h1><p>Contact: <a href="/authors/staff/ann-lee">Ann Lee</a></p>\(FixtureLoader.prose)</article>
            """
        #expect(extract(body: menu).authors == [])
    }

    @Test func bylineWithARole() {
        let body = "<article><h1>Budget passes</h1><p class=\"byline\">By Jane Doe, Senior Correspondent</p>\(FixtureLoader.prose)</article>"
        #expect(extract(body: body).authors == ["Jane Doe"])
    }

    @Test func writtenByLabelWithTheNameInTheNextElement() {
        let body = """
            <article><h1>Budget passes</h1><div class="info"><div>Written by</div><div>Edda Tabor</div>
            <div>Edda covers the city council, its budget fights and the harbour authority for the paper, and has done so for more than ten years now.</div></div>
            \(FixtureLoader.prose)</article>
            """
        #expect(extract(body: body).authors == ["Edda Tabor"])
    }

    @Test func menuEntriesAreNoBylines() {
        let body = """
            <nav><ul><li><p>BY USE CASE</p></li><li><a href="/a">Retail teams</a></li></ul></nav>
            <article><h1>Budget passes</h1>\(FixtureLoader.prose)</article>
            """
        #expect(extract(body: body).authors.isEmpty)
    }

    @Test(arguments: [
        ("A. J. Neal View", ["A. J. Neal"]),
        ("Matthew Rich ⋅ Review Editor ⋅", ["Matthew Rich"]),
        ("Maria &amp; Katerina", ["Maria", "Katerina"]),
        ("Author Isaiah Shelton", ["Isaiah Shelton"]),
        ("Florence says", []),
    ])
    func cleansWidgetText(_ raw: String, _ expected: [String]) {
        #expect(AuthorCleaner.clean([raw], siteName: nil) == expected)
    }

    @Test func nameWithTrailingOutletIsOnePerson() {
        #expect(AuthorCleaner.clean(["Brian Truitt USA TODAY", "Brian Truitt"], siteName: nil) == ["Brian Truitt"])
    }
}
