import Analysis
import ArgumentParser
import Extraction
import Syndication

extension Tributary {
    /// `tributary extract`: a news page's article, metadata, summary, places and topics.
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            _superCommandName: "tributary",  // parsed alone: `Tributary.directCommand`
            abstract: "Turn news pages (HTML) into clean articles: text, metadata, summary, regions and topics.",
            discussion: """
                Finds the article body and drops what surrounds it (navigation, related links, share \
                bars, newsletter and cookie boxes, comments). The charset is decided from the bytes \
                (BOM, <meta charset>), then UTF-8. Each input prints one JSON object on one line.

                Examples:
                  tributary extract page.html --url https://news.example/2024/02/19/story
                  tributary extract --format text page.html      # the article text only
                  tributary extract *.html > articles.jsonl
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, text, html
        }

        @OptionGroup var inputList: InputList

        @OptionGroup var jobs: JobsOption

        @Option(help: "The page's URL: relative links are resolved against it, and it helps find the date.")
        var url: String?

        @Option(help: "json (everything), text (the article text) or html (the sanitized article).")
        var format: Format = .json

        func run() throws {
            let tagger = RegionTagger()
            let classifier = TopicClassifier()
            let inputs = try inputList.all()
            let url = url
            let format = format
            // Pages are extracted side by side; the output is what one at a time would print.
            let failed = OrderedInputs.run(count: inputs.count, threads: jobs.threads) { index, output in
                let input = inputs[index]
                guard let bytes = output.read(input, jsonLine: format == .json) else { return }
                let page = ArticleExtractor.extract(bytes, url: url, contentType: nil)
                switch format {
                case .text:
                    output.write(Array((page.text + "\n").utf8))
                case .html:
                    output.write(Array((page.html + "\n").utf8))
                case .json:
                    var json = JSONWriter()
                    Self.write(page, input: input, tagger: tagger, classifier: classifier, into: &json)
                    output.write(json.bytes + [0x0A])
                }
            }
            if failed { throw ExitCode(2) }
        }

        /// The `extract` JSON contract of DESIGN.md; absent values omitted.
        static func write(_ page: ExtractedPage, input: String, tagger: RegionTagger, classifier: TopicClassifier, into json: inout JSONWriter) {
            let title = page.title ?? ""
            json.beginObject()
            json.member("input", input)
            json.member("url", page.url)
            json.member("canonicalURL", page.canonicalURL)
            json.member("pageType", page.pageType.rawValue)
            json.member("title", page.title)
            json.beginArray("authors")
            for author in page.authors { json.value(author) }
            json.endArray()
            json.member("published", page.published)
            json.member("modified", page.modified)
            json.member("language", page.language)
            json.member("siteName", page.siteName)
            json.member("description", page.description)
            json.member("image", page.image)
            json.member("text", page.text)
            json.member("html", page.html)
            json.member("wordCount", page.wordCount)
            json.beginArray("summary")
            if page.pageType == .article {
                for sentence in Summarizer.summarize(page.text, sentences: 3) { json.value(sentence) }
            }
            json.endArray()
            let places = tagger.tag(title: title, text: page.text)
            json.beginArray("regions")
            for region in places.regions {
                json.beginObject()
                json.member("id", region.id)
                json.member("name", region.name)
                json.member("score", region.score)
                json.endObject()
            }
            json.endArray()
            json.beginArray("countries")
            for country in places.countries {
                json.beginObject()
                json.member("code", country.code)
                json.member("name", country.name)
                json.member("mentions", country.mentions)
                json.endObject()
            }
            json.endArray()
            json.beginArray("topics")
            for topic in classifier.classify(title: title, text: page.text) {
                json.beginObject()
                json.member("id", topic.id)
                json.member("name", topic.name)
                json.member("score", topic.score)
                json.endObject()
            }
            json.endArray()
            json.beginArray("feeds")
            for feed in page.feeds { json.value(feed) }
            json.endArray()
            if !page.links.isEmpty {
                json.beginArray("links")
                for link in page.links {
                    json.beginObject()
                    json.member("url", link.url)
                    json.member("title", link.title)
                    json.endObject()
                }
                json.endArray()
            }
            json.endObject()
        }
    }
}
