import LibXML
import Testing

@testable import Extraction

/// The page tree is built from libxml2's parser events; these tests hold it to the tree libxml2
/// itself builds for the same bytes, walked node by node.
@Suite("Page tree from parser events")
struct PageTreeTests {
    /// One node as both trees show it.
    struct Node: Equatable, CustomStringConvertible {
        var isText: Bool
        var name: String
        var parent: Int
        var end: Int
        var depth: Int
        var text: String
        var attributes: [String]

        var description: String { isText ? "text(\(text.debugDescription)) in \(parent)" : "<\(name) \(attributes)> in \(parent) to \(end)" }
    }

    /// libxml2's tree for `bytes`, copied in document order: elements, text and CDATA, no
    /// comments, from the root element and its following siblings. The page tree leaves out
    /// the text of style sheets and of scripts other than JSON-LD and the attributes not in
    /// `PageTree.keptAttributes`, which no pass reads; so does this copy.
    static func libxmlNodes(_ bytes: [UInt8], encoding: String = "UTF-8") throws -> [Node] {
        let document = try MarkupDocument.parseHTML(bytes, encoding: encoding)
        var nodes: [Node] = []
        func visit(_ first: MarkupNode?, parent: Int, depth: Int, textRead: Bool = true) {
            var current = first
            while let node = current {
                switch node.kind {
                case .element:
                    let attributes = node.attributes.filter { PageTree.keptAttributes.contains($0.name.localName) }.map {
                        "\($0.name.localName)=\($0.value)"
                    }
                    let index = nodes.count
                    nodes.append(Node(isText: false, name: node.name, parent: parent, end: 0, depth: depth, text: "", attributes: attributes))
                    let isJSONLD = node.attributes.contains { $0.name.localName == "type" && $0.value.lowercased().contains("ld+json") }
                    let unread = node.name == "style" || (node.name == "script" && !isJSONLD)
                    visit(node.firstChild, parent: index, depth: depth + 1, textRead: !unread)
                    nodes[index].end = nodes.count
                case .text, .cdata:
                    guard textRead else { break }
                    nodes.append(
                        Node(isText: true, name: "", parent: parent, end: nodes.count + 1, depth: depth, text: node.textContent, attributes: []))
                default:
                    break
                }
                current = node.nextSibling
            }
        }
        visit(document.root, parent: -1, depth: 0)
        return nodes
    }

    static func treeNodes(_ bytes: [UInt8], encoding: String = "UTF-8", closingLikeBrowsers: Bool = false) -> [Node] {
        let tree = PageTree(html: bytes, encoding: encoding, closingLikeBrowsers: closingLikeBrowsers)
        return (0..<tree.count).map { index in
            Node(
                isText: tree.kinds[index] == .text, name: tree.names[index], parent: Int(tree.parents[index]), end: Int(tree.ends[index]),
                depth: Int(tree.depths[index]), text: tree.texts[index], attributes: tree.attributes(of: index).map { "\($0.name)=\($0.value)" })
        }
    }

    @Test(arguments: [
        "<p>one <!-- a comment --> two</p>",
        "<p>a<?php echo 1; ?>b</p><p>c &amp; d &eacute; &unknown; &#x1F600;</p>",
        "<div><script>if (a < b) { x = '</p>'; }</script><style>p { color: red }</style>text</div>",
        "<form><input type=checkbox checked disabled><option selected>One<option>Two</form>",
        "<p class=\"x\" id=y data-empty=\"\" novalue>unquoted</p><img src=a.png alt>",
        "<table><tr><td>1<td>2</table><ul><li>a<li>b</ul><p>open<div>block</div>",
        "text before any element <b>bold</b> after",
        "  \n <html> <head><title>T</title></head> <body> <p> x </p> </body> </html> trailing",
        "<p>a</p></div></span><p>b",
        "<svg><path d='M0 0'/><text>label</text></svg><math><mi>x</mi></math>",
        "<!DOCTYPE html><p>first</p><p>second</p>text<div>third</div>",
        "<!-- lead comment --><p>first</p><p>second</p>",
        "<?xml version=\"1.0\"?><p>first</p><p>second</p>",
        "<p>first</p><!DOCTYPE html><p>second</p><p>third</p>",
        "<p>first</p><p>second <b>bold</b></p> between <div><p>deep</p></div>",
        "",
    ])
    func theTreeIsLibxmlsTree(html: String) throws {
        let bytes = Array(html.utf8)
        #expect(Self.treeNodes(bytes) == (try Self.libxmlNodes(bytes)))
    }

    @Test(arguments: ["lavrov-in-cuba.html", "meta-latin9.html", "utf8-bom.html"])
    func fixturePagesGiveLibxmlsTree(name: String) throws {
        let bytes = try FixtureLoader.bytes(name)
        let nodes = Self.treeNodes(bytes)
        #expect(nodes.count > 10)
        #expect(nodes == (try Self.libxmlNodes(bytes)))
    }

    @Test func aLatin1PageGivesLibxmlsTree() throws {
        let bytes: [UInt8] = Array("<p title=\"caf".utf8) + [0xE9] + Array("\">na".utf8) + [0xEF] + Array("ve</p>".utf8)
        let nodes = Self.treeNodes(bytes, encoding: "ISO-8859-1")
        #expect(nodes.first?.attributes == ["title=café"])
        #expect(nodes == (try Self.libxmlNodes(bytes, encoding: "ISO-8859-1")))
    }

    @Test func nestingStopsWhereLibxmlsTreeStops() throws {
        // libxml2's tree takes 257 open elements; the 258th start ends the parse.
        let bytes = Array((String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300) + "<p>after</p>").utf8)
        let nodes = Self.treeNodes(bytes)
        #expect(nodes.count == HTMLEventParser.maximumDepth)
        #expect(nodes.last?.depth == HTMLEventParser.maximumDepth - 1)
        #expect(nodes == (try Self.libxmlNodes(bytes)))
    }

    @Test func theNodeLimitCutsTheTreeAndKeepsItWhole() {
        let bytes = Array(("<div>" + String(repeating: "<p>one</p>", count: 50) + "</div><p>late</p>").utf8)
        let tree = PageTree(html: bytes, encoding: "UTF-8", maximumNodes: 10)
        #expect(tree.count == 10)
        #expect(tree.ends[0] == 10)
        #expect((0..<tree.count).allSatisfy { Int(tree.ends[$0]) <= tree.count && Int(tree.parents[$0]) < $0 })
        #expect(!tree.texts.contains("late"))
    }

    @Test func everyElementCarriesTheClassesOfItsName() {
        // Many names for the builder's 256 remembered slots, so that some share a slot.
        let names = [
            "p", "div", "a", "span", "li", "ul", "ol", "img", "br", "em", "strong", "b", "i", "u", "code", "pre", "h1", "h2", "h3", "h4",
            "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "figure", "figcaption", "dl", "dt",
            "dd", "nav", "aside", "footer", "header", "form", "menu", "dialog", "section", "article", "main", "center", "font", "button",
            "label", "select", "textarea", "svg", "canvas", "iframe", "noscript", "template", "time", "small", "sub", "sup", "mark",
            "cite", "abbr", "q", "s", "address", "details", "summary", "fieldset", "hgroup", "picture", "video", "audio", "x-card",
            "custom-element", "wbr", "bdi", "kbd", "var",
        ]
        let html = names.map { "<\($0)>text</\($0)>" }.joined() + "<script>x</script><style>p{}</style>"
        let tree = PageTree(html: Array(html.utf8), encoding: "UTF-8")
        #expect(tree.count > names.count)
        for index in 0..<tree.count {
            if tree.kinds[index] == .text {
                #expect(tree.classes[index] == [])
            } else {
                #expect(tree.classes[index] == TagClass.of(tree.names[index]), "\(tree.names[index])")
            }
        }
        #expect(TagClass.of("p") == [.block, .paragraphLike, .structural, .inlineHolder])
        #expect(TagClass.of("a") == [.inline])
        #expect(TagClass.of("nav") == [.furniture, .block])
        #expect(TagClass.of("script") == [.invisible])
        #expect(TagClass.of("div") == [.block, .paragraphLike, .container])
        #expect(TagClass.of("button") == [.control])
        #expect(TagClass.of("x-card") == [])
        #expect(TagClass.of("h2") == [.block, .structural, .inlineHolder, .heading])
        #expect(!TagClass.of("hr").contains(.heading))
    }

    @Test func generatedTagSoupGivesLibxmlsTree() throws {
        // Mis-nested, unclosed and stray tags, comments, doctypes and raw text, from a fixed seed.
        var generator = SplitMix(seed: 0x7A1B_0C55)
        let pieces = [
            "<p>", "</p>", "<div class=\"a b\">", "</div>", "<span>", "</span>", "<b>", "</b>", "<li>", "<ul>", "</ul>", "<table>",
            "<tr>", "<td>", "</td>", "</table>", "<br>", "<img src=x alt>", "<input checked>", "<option selected>", "<select>",
            "</select>", "<script>var a = '<p>';</script>", "<style>p{}</style>", "<script type=application/ld+json>{}</script>",
            "<!-- note -->", "<?pi x?>", "<!DOCTYPE html>", "<html>", "</html>", "<head>", "<body>", "<title>t</title>", "text ", " ", "\n",
            "&amp;", "&nbsp;", "&bogus;", "caf\u{E9} ",
            "<h2>", "</h2>", "<a href='/x' xlink:href='/y'>", "</a>", "<fb:like:x>", "<:odd>", "<end:>", "<form>", "</form>", "<noscript>",
            "</noscript>", "<svg>", "</svg>", "<o:p>",
            // Attributes no pass reads, which the parse cuts out first, in tags plain and not.
            "<div data-x=\"1\" class=c>", "<img srcset=\"a.png 1x\" src=b.png>", "<p style='x' d=\"M0 0\">", "<span data-a=\"<b d=1>\">",
            "<a data-q='\"' href=y>", "<div id=\"a\"b\" data-c=\"<i data-d=2>\">", "<input data-x=1 data-x=2 name=n name=m>",
            "<script data-x=1 type=text/template><div data-y=2>t</div></script>", "<path d='M0'/>", "<body data-b=1>",
            "<a title='<p data-e=3>' data-f>", "<div @click=\"go\" data-g=1>", "<DIV DATA-H=\"1\" ID=up>",
            // Kept values, which the parse cuts and gives back as written when it may.
            "<p class=\"lead\r\nstory\">", "<a href=\"/x?a=1&amp;b=2\" title='say \"hi\" > there'>",
            "<div id=\"caf\u{E9}-\u{1F600}\" class=\"\tx  y\n\">", "<span class=\"aaaa\" CLASS=\"bbbb\">",
            "<img src=\"/i.png\" alt=\"a long alt text\" srcset=\"x 1x\">", "<meta content=\"width=device-width\" name=viewport>",
        ]
        for _ in 0..<400 {
            let count = Int(generator.next() % 40) + 1
            let html = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let bytes = Array(html.utf8)
            let expected = try Self.libxmlNodes(bytes)
            let nodes = Self.treeNodes(bytes)
            #expect(nodes == expected, "\(html)")
            // Closing like a browser moves nodes, never loses or breaks one: the same elements
            // and the same text (which may part where an element now closes between two pieces).
            let browserLike = Self.treeNodes(bytes, closingLikeBrowsers: true)
            let elements = { (nodes: [Node]) in nodes.filter { !$0.isText }.map { "\($0.name) \($0.attributes)" } }
            #expect(elements(browserLike) == elements(expected), "\(html)")
            #expect(browserLike.map(\.text).joined() == expected.map(\.text).joined(), "\(html)")
            for (index, node) in browserLike.enumerated() {
                #expect(node.end > index && (node.parent < 0 || (node.parent < index && browserLike[node.parent].end >= node.end)), "\(html)")
            }
            if nodes != expected {
                let first = Array(zip(nodes, expected)).firstIndex { $0.0 != $0.1 } ?? min(nodes.count, expected.count)
                Issue.record(
                    "first difference at node \(first): \(nodes.dropFirst(first).first.map(String.init(describing:)) ?? "none") vs \(expected.dropFirst(first).first.map(String.init(describing:)) ?? "none")"
                )
            }
        }
    }
}
