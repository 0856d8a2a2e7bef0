#!/usr/bin/env python3
"""Writes the FeedValidator test documents: one small feed per case under
Tests/FeedValidatorTests/Fixtures/cases/<group>/<name>.xml, each opening with a comment

    <!-- Description: what the document shows
         Expect: Code[, Code…]        (each must be reported, or a specialisation of it)
         Expect: !Code                (must not be reported; !Error = no error at all) -->

Run it from the project root after changing a case; the documents are committed.
"""
import os
import shutil

ROOT = "Tests/FeedValidatorTests/Fixtures/cases"
CASES = []


def case(group, name, description, expect, document):
    CASES.append((group, name, description, expect, document))


# --- Atom 1.0 -------------------------------------------------------------------------------

ATOM_NS = 'xmlns="http://www.w3.org/2005/Atom"'


def atom_entry(title="<title>First light</title>", link='<link href="http://example.org/2024/first"/>',
               id="<id>tag:example.org,2024:first</id>", updated="<updated>2024-02-19T10:00:00Z</updated>",
               summary="<summary>The telescope saw its first star.</summary>", extra="", author=""):
    return f"""  <entry>
    {title}
    {link}
    {id}
    {updated}
    {author}{summary}{extra}
  </entry>"""


def atom_feed(title="<title>Observatory news</title>",
              self_link='<link rel="self" href="http://example.org/feed.atom"/>',
              alt_link='<link href="http://example.org/"/>',
              updated="<updated>2024-02-19T10:00:00Z</updated>",
              author="<author><name>Ada Observer</name></author>",
              id="<id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>",
              extra="", entries=None, ns=ATOM_NS, root_attrs="", decl='<?xml version="1.0" encoding="utf-8"?>\n'):
    if entries is None:
        entries = [atom_entry()]
    body = "\n".join(entries)
    return f"""{decl}<feed {ns}{root_attrs}>
  {title}
  {self_link}
  {alt_link}
  {updated}
  {author}
  {id}{extra}
{body}
</feed>
"""


def atom(name, what, expect, **kwargs):
    case("atom", name, what, expect, atom_feed(**kwargs))


def entry_case(name, what, expect, feed_kwargs=None, **entry_kwargs):
    atom(name, what, expect, entries=[atom_entry(**entry_kwargs)], **(feed_kwargs or {}))


atom("valid_minimal", "a minimal complete Atom feed", "!Error")
atom("valid_no_entries", "a feed with no entries is valid", "!Error", entries=[])
atom("valid_entry_authors_only", "every entry has an author, the feed none", "!Error", author="",
     entries=[atom_entry(author="<author><name>A</name></author>"), atom_entry(id="<id>tag:example.org,2024:b</id>", author="<author><name>B</name></author>")])
atom("valid_source_author", "an entry's source provides the author", "!Error", author="",
     entries=[atom_entry(extra="<source><id>tag:example.com,2024:s</id><title>S</title><updated>2024-01-01T00:00:00Z</updated><author><name>S</name></author></source>")])
atom("valid_offset_date", "a date with a numeric offset and fractions", "!Error",
     updated="<updated>2024-02-19T10:00:00.123+01:00</updated>")
atom("valid_xhtml_title", "an xhtml title wrapped in a div", "!Error",
     title='<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Observatory <b>news</b></div></title>')
atom("valid_html_title", "an html title with escaped markup", "!Error", title='<title type="html">Observatory &lt;b&gt;news&lt;/b&gt;</title>')
atom("valid_extension", "an extension element in a foreign namespace", "!Error",
     extra='\n  <ext:rating xmlns:ext="http://example.com/ns/ext">5</ext:rating>')
atom("valid_categories", "categories with term, scheme and label", "!Error",
     extra='\n  <category term="astro" scheme="http://example.org/tags/" label="Astronomy"/>')
atom("valid_generator", "a generator with uri and version", "!Error",
     extra='\n  <generator uri="http://example.org/gen" version="1.0">Gen</generator>')
atom("valid_icon_logo", "icon and logo IRIs", "!Error", extra="\n  <icon>http://example.org/icon.png</icon>\n  <logo>/logo.png</logo>")
atom("valid_rights_subtitle", "rights and subtitle text constructs", "!Error",
     extra="\n  <rights>© 2024 Example</rights>\n  <subtitle>What we saw</subtitle>")
atom("valid_contributor", "a contributor with uri and email", "!Error",
     extra="\n  <contributor><name>Bo</name><uri>http://example.org/bo</uri><email>bo@example.org</email></contributor>")
atom("valid_xml_lang", "xml:lang on the feed", "!Error", root_attrs=' xml:lang="en-GB"')
atom("valid_xml_base", "xml:base on the feed", "!Error", root_attrs=' xml:base="http://example.org/"')
atom("valid_alternates_differ", "two alternates that differ in type", "!Error",
     alt_link='<link href="http://example.org/"/>\n  <link rel="alternate" type="application/pdf" href="http://example.org/a.pdf"/>')
atom("valid_hreflang", "alternates that differ in hreflang", "!Error",
     alt_link='<link hreflang="en" href="http://example.org/en"/>\n  <link hreflang="fr" href="http://example.org/fr"/>')
atom("valid_iri_rel", "a relation written as an IRI", "!Error", alt_link='<link rel="http://example.org/rels/x" href="http://example.org/"/>')
atom("valid_link_length", "an enclosure link with length", "!Error",
     alt_link='<link rel="enclosure" type="audio/mpeg" length="1337" href="http://example.org/a.mp3"/>')
atom("valid_uuid_id", "an urn:uuid id", "!Error")
atom("valid_tag_email_authority", "a tag: id with an e-mail authority", "!Error", id="<id>tag:ada@example.org,2024-02:feed</id>")
atom("valid_http_id", "an http id", "!Error", id="<id>http://example.org/feed</id>")

for n, value in enumerate(["2024-02-19", "2024-02-19T10:00Z", "2024-02-19 10:00:00Z", "2024-02-19T10:00:00", "2024-13-01T00:00:00Z",
                           "2024-02-30T00:00:00Z", "2024-02-19t10:00:00Z", "2024-02-19T10:00:00z", "Mon, 19 Feb 2024 10:00:00 GMT",
                           "2024-02-19T25:00:00Z", "2024-02-19T10:61:00Z", "2024-02-19T10:00:00+0100", "24-02-19T10:00:00Z", "",
                           "2023-02-29T00:00:00Z", "2024-02-19T10:00:00,5Z"]):
    atom(f"invalid_updated_{n}", f"updated '{value}' is not RFC 3339", "InvalidRFC3339Date", updated=f"<updated>{value}</updated>")
for n, value in enumerate(["2024-02-19", "2024-02-19T10:00:00", "19 Feb 2024"]):
    entry_case(f"invalid_entry_updated_{n}", "an entry's updated is not RFC 3339", "InvalidRFC3339Date", updated=f"<updated>{value}</updated>")
    entry_case(f"invalid_published_{n}", "published is not RFC 3339", "InvalidRFC3339Date", extra=f"<published>{value}</published>")
atom("implausible_date", "a date before 1900", "ImplausibleDate", updated="<updated>1066-10-14T09:00:00Z</updated>")
atom("updated_whitespace", "a date with whitespace around it", "UnexpectedWhitespace", updated="<updated> 2024-02-19T10:00:00Z </updated>")
atom("leap_day", "29 February of a leap year", "!InvalidRFC3339Date", updated="<updated>2024-02-29T00:00:00Z</updated>")

atom("missing_feed_title", "a feed without title", "MissingElement", title="")
atom("missing_feed_id", "a feed without id", "MissingElement", id="")
atom("missing_feed_updated", "a feed without updated", "MissingElement", updated="")
atom("duplicate_feed_title", "two titles", "DuplicateElement", extra="\n  <title>Again</title>")
atom("duplicate_feed_id", "two ids", "DuplicateElement", extra="\n  <id>tag:example.org,2024:x</id>")
atom("duplicate_feed_updated", "two updated", "DuplicateElement", extra="\n  <updated>2024-02-19T10:00:00Z</updated>")
atom("duplicate_subtitle", "two subtitles", "DuplicateElement", extra="\n  <subtitle>a</subtitle>\n  <subtitle>b</subtitle>")
atom("duplicate_rights", "two rights", "DuplicateElement", extra="\n  <rights>a</rights>\n  <rights>b</rights>")
atom("duplicate_generator", "two generators", "DuplicateElement", extra="\n  <generator>a</generator>\n  <generator>b</generator>")
atom("duplicate_icon", "two icons", "DuplicateElement", extra="\n  <icon>/a.png</icon>\n  <icon>/b.png</icon>")
atom("duplicate_logo", "two logos", "DuplicateElement", extra="\n  <logo>/a.png</logo>\n  <logo>/b.png</logo>")
entry_case("missing_entry_title", "an entry without title", "MissingElement", title="")
entry_case("missing_entry_id", "an entry without id", "MissingElement", id="")
entry_case("missing_entry_updated", "an entry without updated", "MissingElement", updated="")
entry_case("duplicate_entry_title", "an entry with two titles", "DuplicateElement", extra="<title>Again</title>")
entry_case("duplicate_entry_id", "an entry with two ids", "DuplicateElement", extra="<id>tag:example.org,2024:y</id>")
entry_case("duplicate_entry_updated", "an entry with two updated", "DuplicateElement", extra="<updated>2024-02-19T10:00:00Z</updated>")
entry_case("duplicate_summary", "two summaries", "DuplicateElement", extra="<summary>again</summary>")
entry_case("duplicate_content", "two contents", "DuplicateElement", extra="<content>a</content><content>b</content>")
entry_case("duplicate_published", "two published", "DuplicateElement",
           extra="<published>2024-02-19T10:00:00Z</published><published>2024-02-19T10:00:00Z</published>")
atom("missing_author", "neither feed nor entry has an author", "MissingElement", author="")
atom("missing_author_second_entry", "one entry of two lacks an author", "MissingElement", author="",
     entries=[atom_entry(author="<author><name>A</name></author>"), atom_entry(id="<id>tag:example.org,2024:b</id>")])
atom("missing_person_name", "an author without name", "MissingElement", author="<author><email>a@example.org</email></author>")
atom("duplicate_person_name", "an author with two names", "DuplicateElement", author="<author><name>A</name><name>B</name></author>")
atom("duplicate_person_email", "an author with two emails", "DuplicateElement",
     author="<author><name>A</name><email>a@example.org</email><email>b@example.org</email></author>")
atom("duplicate_person_uri", "an author with two uris", "DuplicateElement",
     author="<author><name>A</name><uri>http://a.example/</uri><uri>http://b.example/</uri></author>")
for n, value in enumerate(["ada", "ada@", "@example.org", "ada at example.org", "ada@example", "Ada <ada@example.org>", "ada@@example.org",
                           "ada@example..org", "mailto:ada@example.org"]):
    atom(f"invalid_email_{n}", f"author email '{value}'", "InvalidAddrSpec", author=f"<author><name>A</name><email>{value}</email></author>")
for n, value in enumerate(["ada@example.org", "ada.lovelace+feeds@mail.example.co.uk", "o'neil@example.ie"]):
    atom(f"valid_email_{n}", f"author email '{value}'", "!InvalidContact", author=f"<author><name>A</name><email>{value}</email></author>")
for n, value in enumerate(["http://exa mple.org/", "http://example.org/&lt;x&gt;", "ht tp://example.org/", "http://example.org/{a}"]):
    atom(f"invalid_author_uri_{n}", f"author uri '{value}'", "InvalidLink", author=f"<author><name>A</name><uri>{value}</uri></author>")
atom("valid_iri_unicode", "an IRI with non-ASCII characters", "!InvalidIRI", author="<author><name>A</name><uri>http://example.org/café</uri></author>")

for n, value in enumerate(["text/plain", "text/html", "application/xhtml+xml"]):
    atom(f"invalid_text_type_{n}", f"title type '{value}' is a media type", "InvalidTextType", title=f'<title type="{value}">x</title>')
for n, value in enumerate(["TEXT", "html5", "plain"]):
    atom(f"unknown_text_type_{n}", f"title type '{value}'", "InvalidMIMEType", title=f'<title type="{value}">x</title>')
atom("empty_text_type", "an empty type attribute", "AttrNotBlank", title='<title type="">x</title>')
atom("text_with_markup", "type=text title with child markup", "UndefinedElement", title="<title>Hello <b>there</b></title>")
atom("html_with_child_element", "type=html title with unescaped child markup", "UndefinedElement",
     title='<title type="html">Hello <b>there</b></title>')
atom("xhtml_without_div", "xhtml title without the wrapping div", "MissingXhtmlDiv", title='<title type="xhtml">Hello</title>')
atom("xhtml_text_beside_div", "xhtml title with text outside the div", "MissingXhtmlDiv",
     title='<title type="xhtml">Hello <div xmlns="http://www.w3.org/1999/xhtml">there</div></title>')
atom("xhtml_wrong_wrapper", "xhtml title wrapped in a span", "MissingXhtmlDiv",
     title='<title type="xhtml"><span xmlns="http://www.w3.org/1999/xhtml">Hello</span></title>')
atom("xhtml_div_no_namespace", "xhtml title with a div outside the XHTML namespace", "MissingXhtmlDiv",
     title='<title type="xhtml"><div xmlns="">Hello</div></title>')
atom("text_looks_like_html", "type=text title that holds escaped HTML", "ContainsUndeclaredHTML", title="<title>Hello &lt;b&gt;there&lt;/b&gt;</title>")
atom("empty_title", "an empty title", "NotBlank", title="<title></title>")
entry_case("summary_script", "an html summary with a script", "SecurityRisk",
           summary='<summary type="html">Hi &lt;script&gt;alert(1)&lt;/script&gt;</summary>')
entry_case("summary_iframe", "an html summary with an iframe", "SecurityRisk",
           summary='<summary type="html">&lt;iframe src="http://example.com/"&gt;&lt;/iframe&gt;</summary>')
entry_case("summary_onclick", "an html summary with an event attribute", "SecurityRiskAttr",
           summary='<summary type="html">&lt;p onclick="x()"&gt;Hi&lt;/p&gt;</summary>')
entry_case("summary_javascript_link", "an html summary with a javascript: link", "SecurityRisk",
           summary='<summary type="html">&lt;a href="javascript:alert(1)"&gt;Hi&lt;/a&gt;</summary>')
entry_case("summary_style_expression", "an html summary with a scripted style", "DangerousStyleAttr",
           summary='<summary type="html">&lt;p style="width: expression(alert(1))"&gt;Hi&lt;/p&gt;</summary>')
entry_case("summary_relative_with_base", "a relative link resolved by xml:base", "!ContainsRelRef",
           summary='<summary type="html" xml:base="http://example.org/">&lt;a href="/about"&gt;Hi&lt;/a&gt;</summary>')
entry_case("xhtml_content_script", "xhtml content with a script", "SecurityRisk",
           extra='<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><script>x()</script></div></content>')
entry_case("xhtml_content_onload", "xhtml content with an event attribute", "SecurityRiskAttr",
           extra='<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><img src="http://example.org/a.png" onload="x()"/></div></content>')
entry_case("valid_xhtml_content", "xhtml content in a div", "!Error",
           extra='<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <em>world</em></p></div></content>')

entry_case("content_multipart", "content type multipart/alternative", "InvalidMIMEType", extra='<content type="multipart/alternative">x</content>')
entry_case("content_bad_mime", "content type that is no MIME type", "InvalidMIMEType", extra='<content type="image">x</content>')
entry_case("content_src_not_empty", "content with src and text", "UnexpectedText",
           extra='<content type="text/html" src="http://example.org/a.html">Hello</content>')
entry_case("content_src_no_type", "content with src and no type", "MissingTypeAttr", extra='<content src="http://example.org/a.html"/>')
entry_case("content_src_text_type", "content with src and type=html", "InvalidMIMEType",
           extra='<content type="html" src="http://example.org/a.html"/>')
entry_case("content_src_no_summary", "remote content without summary", "MissingSummary", summary="",
           extra='<content type="text/html" src="http://example.org/a.html"/>')
entry_case("content_base64_no_summary", "binary content without summary", "MissingSummary", summary="",
           extra='<content type="image/png">iVBORw0KGgo=</content>')
entry_case("content_not_base64", "binary content that is not Base64", "NotBase64", extra='<content type="image/png">not base64!</content>')
entry_case("content_bad_src", "content src that is no IRI", "InvalidLink",
           extra='<content type="text/html" src="http://example.org/a b.html"/>')
entry_case("valid_content_xml", "content of an XML media type with child elements", "!Error",
           extra='<content type="application/vnd.example+xml"><x xmlns="http://example.com/x">1</x></content>')
entry_case("valid_content_text_plain", "content of type text/plain", "!Error", extra='<content type="text/plain">Plain words</content>')
entry_case("no_content_no_alternate", "entry without content or alternate link", "MissingContentOrAlternate", link="")
entry_case("no_content_no_summary", "entry with neither content nor summary", "MissingTextualContent", summary="")
entry_case("valid_content_no_link", "entry with content and no link", "!MissingContentOrAlternate", link="",
           extra="<content>Everything is here</content>")

atom("missing_self", "a feed without a self link", "MissingSelf", self_link="")
atom("self_not_atom", "a self link with an HTML type", "SelfNotAtom", self_link='<link rel="self" type="text/html" href="http://example.org/feed.atom"/>')
atom("relative_self", "a relative self link without any base", "RelativeSelf", self_link='<link rel="self" href="/feed.atom"/>')
atom("link_missing_href", "a link without href", "MissingHref", alt_link='<link rel="alternate"/>')
atom("link_bad_href", "a link href with a space", "InvalidLink", alt_link='<link href="http://example.org/a b"/>')
atom("link_empty_rel", "a link with an empty rel", "AttrNotBlank", alt_link='<link rel="" href="http://example.org/"/>')
atom("link_unregistered_rel", "a link with an unregistered short rel", "UnregisteredAtomLinkRel", alt_link='<link rel="homepage" href="http://example.org/"/>')
atom("link_empty_title", "a link with an empty title", "AttrNotBlank", alt_link='<link title="" href="http://example.org/"/>')
entry_case("thr_count_not_replies", "thr:count on an alternate link", "UnexpectedAttribute",
           link='<link xmlns:thr="http://purl.org/syndication/thread/1.0" thr:count="3" href="http://example.org/1"/>')
entry_case("thr_when", "thr:when on a replies link", "NoThrWhen",
           extra='<link xmlns:thr="http://purl.org/syndication/thread/1.0" rel="replies" thr:when="2024-02-19T10:00:00Z" href="http://example.org/1/c"/>')
entry_case("valid_thr_replies", "a replies link with count and updated", "!Error",
           extra='<link xmlns:thr="http://purl.org/syndication/thread/1.0" rel="replies" thr:count="3" thr:updated="2024-02-19T10:00:00Z" href="http://example.org/1/c"/>')
entry_case("history_next_in_entry", "a next link in an entry", "FeedHistoryRelInEntry", extra='<link rel="next" href="http://example.org/2"/>')
entry_case("empty_summary", "an empty summary", "NotBlank", summary="<summary></summary>")
entry_case("content_text_html_fragment", "content of type text/html without a whole document", "HtmlFragment",
           extra='<content type="text/html">&lt;p&gt;Hi&lt;/p&gt;</content>')
entry_case("xhtml_unknown_element", "xhtml content with a non-XHTML element name", "NotHtml",
           extra='<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><blink>Hi</blink></div></content>')
entry_case("xhtml_bad_style", "xhtml content with a scripted style", "DangerousStyleAttr",
           extra='<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p style="background: url(javascript:x)">Hi</p></div></content>')
atom("link_bad_type", "a link type that is no MIME type", "InvalidMIMEType", alt_link='<link type="html" href="http://example.org/"/>')
atom("link_bad_hreflang", "a link hreflang that is no language", "InvalidLanguage", alt_link='<link hreflang="english!" href="http://example.org/"/>')
atom("link_bad_length", "a link length that is no number", "InvalidNonNegativeInteger",
     alt_link='<link rel="enclosure" type="audio/mpeg" length="big" href="http://example.org/a.mp3"/>')
atom("link_not_empty", "a link with text content", "AtomLinkNotEmpty", alt_link='<link href="http://example.org/">Home</link>')
atom("duplicate_alternate", "two alternates with the same type and hreflang", "DuplicateAtomLink",
     alt_link='<link href="http://example.org/"/>\n  <link rel="alternate" href="http://example.org/other"/>')
entry_case("entry_duplicate_alternate", "an entry with two identical alternates", "DuplicateAtomLink",
           link='<link href="http://example.org/1"/><link type="text/html" href="http://example.org/2"/><link type="text/html" href="http://example.org/3"/>')
entry_case("history_rel_in_entry", "a prev-archive link in an entry", "FeedHistoryRelInEntry",
           extra='<link rel="prev-archive" href="http://example.org/archive/1"/>')
atom("category_missing_term", "a category without term", "MissingAttribute", extra='\n  <category label="Astronomy"/>')
atom("category_bad_scheme", "a category with a bad scheme", "InvalidLink", extra='\n  <category term="a" scheme="http://example.org/a b"/>')
atom("generator_bad_uri", "a generator with a bad uri", "InvalidLink", extra='\n  <generator uri="http://example.org/a b">Gen</generator>')
atom("icon_bad_iri", "an icon that is no IRI", "InvalidLink", extra="\n  <icon>http://example.org/a b.png</icon>")
atom("logo_bad_iri", "a logo that is no IRI", "InvalidLink", extra="\n  <logo>http://example.org/&lt;logo&gt;.png</logo>")

for n, value in enumerate(["tag:example.org:feed", "tag:example.org,24:feed", "tag:,2024:feed", "tag:Example.org,2024:feed", "tag:example org,2024:x"]):
    atom(f"invalid_tag_{n}", f"id '{value}'", "InvalidTAG", id=f"<id>{value}</id>")
for n, value in enumerate(["urn:uuid:1234", "urn:uuid:60a76c80-d399-11d9-b93c-0003939e0afz", "urn:uuid:60a76c80d39911d9b93c0003939e0af6"]):
    atom(f"invalid_uuid_{n}", f"id '{value}'", "InvalidUUID", id=f"<id>{value}</id>")
for n, value in enumerate(["urn:", "urn:isbn", "urn:-bad:1", "urn:isbn: 123"]):
    atom(f"invalid_urn_{n}", f"id '{value}'", "InvalidURN", id=f"<id>{value}</id>")
for n, value in enumerate(["feed-1", "/feeds/1", "12345", "http:/example.org/feed"]):
    atom(f"invalid_id_{n}", f"id '{value}' is not an absolute IRI", "InvalidFullLink", id=f"<id>{value}</id>")
atom("id_with_space", "an id with a space inside", "InvalidUriChar", id="<id>http://example.org/a b</id>")
atom("id_unregistered_scheme", "an id with an unregistered scheme", "SchemeNotIANARegistered", id="<id>foo:bar</id>")
for n, value in enumerate(["HTTP://example.org/feed", "http://Example.org/feed", "http://example.org:80/feed", "http://example.org"]):
    atom(f"noncanonical_id_{n}", f"id '{value}' is not canonical", "NonCanonicalURI", id=f"<id>{value}</id>")
atom("id_whitespace", "an id with whitespace around it", "UnexpectedWhitespace", id="<id>\n    tag:example.org,2024:feed\n  </id>")
atom("duplicate_entries", "two entries with the same id and updated", "DuplicateEntries",
     entries=[atom_entry(), atom_entry()])
atom("same_id_different_updated", "two versions of one entry", "!DuplicateEntries",
     entries=[atom_entry(), atom_entry(updated="<updated>2024-02-20T10:00:00Z</updated>")])

atom("undefined_feed_element", "an unknown element in the Atom namespace", "UndefinedElement", extra="\n  <modified>2024-02-19T10:00:00Z</modified>")
entry_case("undefined_entry_element", "an unknown element in an entry", "UndefinedElement", extra="<issued>2024-02-19T10:00:00Z</issued>")
entry_case("entry_element_in_feed_only", "a subtitle inside an entry", "UndefinedElement", extra="<subtitle>x</subtitle>")
atom("content_in_feed", "content directly in the feed", "UndefinedElement", extra="\n  <content>x</content>")
atom("entry_in_source", "an entry inside a source", "UndefinedElement",
     entries=[atom_entry(extra='<source><entry/></source>')])
atom("misplaced_metadata", "feed metadata after an entry", "MisplacedMetadata", entries=[atom_entry(), "  <rights>late</rights>"])
atom("bad_xml_lang", "an invalid xml:lang", "InvalidLanguage", root_attrs=' xml:lang="english language"')
atom("bad_xml_lang_code", "an xml:lang with an unknown primary code", "InvalidLanguage", root_attrs=' xml:lang="qq"')
atom("bad_xml_base", "an xml:base with a space", "InvalidLink", root_attrs=' xml:base="http://example.org/a b/"')
case("atom", "obsolete_namespace", "an Atom 0.3 feed", "ObsoleteNamespace",
     '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title></feed>\n')
case("atom", "feed_no_namespace", "a feed element without the Atom namespace", "InvalidNamespace",
     "<feed><title>x</title></feed>\n")
case("atom", "feed_wrong_namespace", "a feed element in another namespace", "InvalidNamespace",
     '<feed xmlns="http://www.w3.org/2005/atom"><title>x</title></feed>\n')
case("atom", "valid_entry_document", "a standalone Atom entry document", "!Error",
     '<entry xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>tag:example.org,2024:e</id>'
     '<updated>2024-02-19T10:00:00Z</updated><author><name>A</name></author><content>Hi</content></entry>\n')
case("atom", "entry_document_no_author", "a standalone entry without author", "MissingElement",
     '<entry xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>tag:example.org,2024:e</id>'
     '<updated>2024-02-19T10:00:00Z</updated><content>Hi</content></entry>\n')
atom("prefixed_atom", "Atom with a namespace prefix", "!Error", ns='xmlns:a="http://www.w3.org/2005/Atom"') if False else None

# --- RSS 2.0 --------------------------------------------------------------------------------

def rss_item(title="<title>First light</title>", link="<link>http://example.com/2024/first</link>",
             description="<description>The telescope saw its first star.</description>",
             guid='<guid>http://example.com/2024/first</guid>', pubdate="<pubDate>Mon, 19 Feb 2024 10:00:00 GMT</pubDate>", extra=""):
    return f"""    <item>
      {title}
      {link}
      {description}
      {guid}
      {pubdate}{extra}
    </item>"""


def rss_feed(version='version="2.0"', title="<title>Observatory news</title>", link="<link>http://example.com/</link>",
             description="<description>What the telescope saw</description>",
             self_link='<atom:link href="http://example.com/feed.rss" rel="self" type="application/rss+xml"/>',
             extra="", items=None, ns='xmlns:atom="http://www.w3.org/2005/Atom"', decl='<?xml version="1.0" encoding="utf-8"?>\n'):
    if items is None:
        items = [rss_item()]
    body = "\n".join(items)
    return f"""{decl}<rss {version} {ns}>
  <channel>
    {title}
    {link}
    {description}
    {self_link}{extra}
{body}
  </channel>
</rss>
"""


def rss(name, what, expect, **kwargs):
    case("rss20", name, what, expect, rss_feed(**kwargs))


def item_case(name, what, expect, feed_kwargs=None, **item_kwargs):
    rss(name, what, expect, items=[rss_item(**item_kwargs)], **(feed_kwargs or {}))


rss("valid_minimal", "a minimal complete RSS 2.0 feed", "!Error")
rss("valid_no_items", "a channel without items", "!Error", items=[])
rss("valid_version_091", "RSS 0.91", "!InvalidRSSVersion", version='version="0.91"')
rss("valid_version_092", "RSS 0.92", "!InvalidRSSVersion", version='version="0.92"')
rss("valid_full_channel", "a channel with every optional element", "!Error", extra="""
    <language>en-us</language>
    <copyright>Copyright 2024 Example</copyright>
    <managingEditor>editor@example.com (Ed Itor)</managingEditor>
    <webMaster>webmaster@example.com (Web Master)</webMaster>
    <pubDate>Mon, 19 Feb 2024 10:00:00 GMT</pubDate>
    <lastBuildDate>Mon, 19 Feb 2024 10:00:00 +0000</lastBuildDate>
    <category domain="http://example.com/cats">Astronomy</category>
    <generator>Hand</generator>
    <docs>https://www.rssboard.org/rss-specification</docs>
    <cloud domain="rpc.example.com" port="80" path="/RPC2" registerProcedure="pingMe" protocol="soap"/>
    <ttl>60</ttl>
    <image><url>http://example.com/logo.png</url><title>Observatory news</title><link>http://example.com/</link><width>88</width><height>31</height></image>
    <rating>(PICS-1.1 "http://www.rsac.org/ratingsv01.html" l gen true)</rating>
    <skipHours><hour>0</hour><hour>23</hour></skipHours>
    <skipDays><day>Saturday</day><day>Sunday</day></skipDays>""")
item_case("valid_full_item", "an item with every optional element", "!Error", extra="""
      <author>ada@example.com (Ada Observer)</author>
      <category>Stars</category>
      <comments>http://example.com/2024/first#comments</comments>
      <enclosure url="http://example.com/first.mp3" length="12345" type="audio/mpeg"/>
      <source url="http://example.org/feed.rss">Other</source>""")
item_case("valid_guid_not_permalink", "a guid that is not a permalink", "!Error", guid='<guid isPermaLink="false">first-light-2024</guid>')
item_case("valid_title_only", "an item with only a title", "!Error", description="")
item_case("valid_description_only", "an item with only a description", "!Error", title="")
rss("missing_version", "rss without version", "MissingAttribute", version="")
for n, value in enumerate(["3.0", "2", "1.0", "two"]):
    rss(f"invalid_version_{n}", f"rss version '{value}'", "InvalidRSSVersion", version=f'version="{value}"')
case("rss20", "missing_channel", "rss without channel", "MissingElement", '<rss version="2.0"></rss>\n')
case("rss20", "duplicate_channel", "rss with two channels", "DuplicateElement",
     '<rss version="2.0"><channel><title>a</title><link>http://a.example/</link><description>a</description></channel>'
     '<channel><title>b</title><link>http://b.example/</link><description>b</description></channel></rss>\n')
rss("missing_title", "channel without title", "MissingTitle", title="")
rss("missing_link", "channel without link", "MissingLink", link="")
rss("missing_description", "channel without description", "MissingDescription", description="")
rss("missing_title_is_missing_element", "a missing title is a MissingElement", "MissingElement", title="")
for element, value in [("language", "en"), ("copyright", "c"), ("managingEditor", "a@example.com (A)"), ("webMaster", "a@example.com (A)"),
                       ("pubDate", "Mon, 19 Feb 2024 10:00:00 GMT"), ("lastBuildDate", "Mon, 19 Feb 2024 10:00:00 GMT"),
                       ("generator", "g"), ("docs", "http://example.com/docs"), ("ttl", "60"), ("title", "again"),
                       ("link", "http://example.com/again"), ("description", "again")]:
    rss(f"duplicate_channel_{element}", f"two {element} in a channel", "DuplicateElement",
        extra=f"\n    <{element}>{value}</{element}>\n    <{element}>{value}</{element}>" if element not in ("title", "link", "description") else f"\n    <{element}>{value}</{element}>")
for element, value in [("title", "again"), ("link", "http://example.com/x"), ("description", "again"), ("guid", "http://example.com/y"),
                       ("pubDate", "Mon, 19 Feb 2024 10:00:00 GMT"), ("author", "a@example.com (A)"), ("comments", "http://example.com/c")]:
    item_case(f"duplicate_item_{element}", f"two {element} in an item", "DuplicateElement", extra=f"\n      <{element}>{value}</{element}>"
              if element in ("title", "link", "description", "guid", "pubDate") else f"\n      <{element}>{value}</{element}>\n      <{element}>{value}</{element}>")
item_case("item_no_title_no_description", "an item with neither title nor description", "ItemMustContainTitleOrDescription", title="", description="")
rss("undefined_channel_element", "an unknown element in channel", "UndefinedElement", extra="\n    <modified>today</modified>")
item_case("undefined_item_element", "an unknown element in item", "UndefinedElement", extra="\n      <summary>x</summary>")
rss("undefined_root_child", "an unknown element under rss", "UndefinedElement", extra="", items=[], ns='xmlns:atom="http://www.w3.org/2005/Atom"') if False else None
case("rss20", "undefined_root_child", "an unknown element under rss", "UndefinedElement",
     '<rss version="2.0"><channel><title>a</title><link>http://a.example/</link><description>a</description></channel><extra/></rss>\n')

for n, value in enumerate(["2024-02-19T10:00:00Z", "19 Feb 2024", "Monday, 19 Feb 2024 10:00:00 GMT", "Mon, 19 February 2024 10:00:00 GMT",
                           "Mon, 19 Feb 2024 10:00:00", "Mon, 19 Feb 2024 10:00 XYZ", "Mon, 32 Jan 2024 10:00:00 GMT",
                           "Mon, 19 Feb 2024 25:00:00 GMT", "Mon 19 Feb 2024 10:00:00 GMT", "19/02/2024", "Mon, 19 Feb 24 10:00:00 +01",
                           "yesterday", "Mon, 19 Feb 2024 10:00:00 GMT+1"]):
    item_case(f"invalid_pubdate_{n}", f"item pubDate '{value}'", "InvalidRFC2822Date", pubdate=f"<pubDate>{value}</pubDate>")
for n, value in enumerate(["2024-02-19", "Tuesday"]):
    rss(f"invalid_lastbuilddate_{n}", f"lastBuildDate '{value}'", "InvalidRFC2822Date", extra=f"\n    <lastBuildDate>{value}</lastBuildDate>")
item_case("incorrect_dow", "a weekday that does not match the date", "IncorrectDOW", pubdate="<pubDate>Tue, 19 Feb 2024 10:00:00 GMT</pubDate>")
item_case("two_digit_year", "a two-digit year", "ProblematicalRFC822Date", pubdate="<pubDate>Mon, 19 Feb 24 10:00:00 GMT</pubDate>")
item_case("military_zone", "a military time zone", "ProblematicalRFC822Date", pubdate="<pubDate>Mon, 19 Feb 2024 10:00:00 A</pubDate>")
item_case("odd_offset", "a date with an offset of 45 minutes", "ProblematicalRFC822Date", pubdate="<pubDate>Mon, 19 Feb 2024 10:00:00 +0545</pubDate>")
item_case("comment_in_date", "a date with a comment", "ProblematicalRFC822Date", pubdate="<pubDate>Mon, 19 Feb 2024 10:00:00 (local) EST</pubDate>")
item_case("extra_spaces", "a date with extra spaces", "ProblematicalRFC822Date", pubdate="<pubDate>Mon,  19 Feb 2024  10:00:00 GMT</pubDate>")
item_case("lowercase_month", "a lower-case month", "ProblematicalRFC822Date", pubdate="<pubDate>Mon, 19 feb 2024 10:00:00 GMT</pubDate>")
item_case("valid_z_zone", "a date in Z", "!ProblematicalRFC822Date", pubdate="<pubDate>Mon, 19 Feb 2024 10:00:00 Z</pubDate>")
item_case("feb_30", "30 February", "InvalidRFC2822Date", pubdate="<pubDate>Fri, 30 Feb 2024 10:00:00 GMT</pubDate>")
item_case("lowercase_zone", "a lower-case zone", "ProblematicalRFC822Date", pubdate="<pubDate>Mon, 19 Feb 2024 10:00:00 gmt</pubDate>")
item_case("valid_no_weekday", "a date without weekday", "!Error", pubdate="<pubDate>19 Feb 2024 10:00:00 GMT</pubDate>")
item_case("valid_no_seconds", "a date without seconds", "!InvalidRFC2822Date", pubdate="<pubDate>Mon, 19 Feb 2024 10:00 EST</pubDate>")
item_case("valid_offset", "a date with a numeric offset", "!Error", pubdate="<pubDate>Mon, 19 Feb 2024 10:00:00 -0500</pubDate>")
item_case("implausible_pubdate", "a pubDate in the 1800s", "ImplausibleDate", pubdate="<pubDate>Fri, 19 Feb 1808 10:00:00 GMT</pubDate>")

for n, value in enumerate(["example.com", "/about", "http//example.com/", "http://", "http:/example.com", "http://exa mple.com/",
                           "www.example.com/page"]):
    rss(f"invalid_channel_link_{n}", f"channel link '{value}'", "InvalidLink", link=f"<link>{value}</link>")
    item_case(f"invalid_item_link_{n}", f"item link '{value}'", "InvalidLink", link=f"<link>{value}</link>")
rss("link_unregistered_scheme", "a link with an unregistered scheme", "SchemeNotIANARegistered", link="<link>foo:bar</link>")
rss("link_non_ascii", "a link with characters outside ASCII", "UriNotIri", link="<link>http://example.com/café</link>")
item_case("invalid_comments", "comments that are not a URL", "InvalidLink", extra="\n      <comments>see below</comments>")
rss("invalid_docs", "docs that are not a URL", "InvalidLink", extra="\n    <docs>rss spec</docs>")
for n, value in enumerate(["ada", "Ada Observer", "ada@example (Ada)", "@example.com (Ada)", "ada at example.com (Ada)"]):
    rss(f"invalid_managing_editor_{n}", f"managingEditor '{value}'", "InvalidContact", extra=f"\n    <managingEditor>{value}</managingEditor>")
    item_case(f"invalid_author_{n}", f"item author '{value}'", "InvalidContact", extra=f"\n      <author>{value}</author>")
item_case("author_other_format", "an author written Name address", "EmailFormat", extra="\n      <author>Ada ada@example.com</author>")
rss("invalid_webmaster", "webMaster that is no address", "InvalidContact", extra="\n    <webMaster>webmaster</webMaster>")
item_case("author_missing_name", "an author without a name", "MissingRealName", extra="\n      <author>ada@example.com</author>")
item_case("valid_author_angle", "an author written Name <address>", "!InvalidContact", extra="\n      <author>Ada Observer &lt;ada@example.com&gt;</author>")
item_case("valid_author_mailto", "an author written as a mailto: URL with a name", "!InvalidContact", extra="\n      <author>mailto:ada@example.com (Ada)</author>")
for n, value in enumerate(["english", "en_US", "e", "zz", "en-us-", "123"]):
    rss(f"invalid_language_{n}", f"language '{value}'", "InvalidLanguage", extra=f"\n    <language>{value}</language>")
for n, value in enumerate(["en", "en-us", "fr-CA", "zh-Hans-CN", "EN-gb"]):
    rss(f"valid_language_{n}", f"language '{value}'", "!InvalidLanguage", extra=f"\n    <language>{value}</language>")

IMG = '<url>http://example.com/logo.png</url><title>Observatory news</title><link>http://example.com/</link>'
rss("image_missing_url", "an image without url", "MissingElement", extra="\n    <image><title>Observatory news</title><link>http://example.com/</link></image>")
rss("image_missing_title", "an image without title", "MissingElement", extra="\n    <image><url>http://example.com/logo.png</url><link>http://example.com/</link></image>")
rss("image_missing_link", "an image without link", "MissingElement", extra="\n    <image><url>http://example.com/logo.png</url><title>Observatory news</title></image>")
rss("image_too_wide", "an image 200 pixels wide", "InvalidWidth", extra=f"\n    <image>{IMG}<width>200</width></image>")
rss("image_width_text", "an image width that is no number", "InvalidWidth", extra=f"\n    <image>{IMG}<width>wide</width></image>")
rss("image_too_high", "an image 500 pixels high", "InvalidHeight", extra=f"\n    <image>{IMG}<height>500</height></image>")
rss("image_height_negative", "a negative image height", "InvalidHeight", extra=f"\n    <image>{IMG}<height>-3</height></image>")
rss("image_bad_url", "an image url that is not a URL", "InvalidFullLink",
    extra="\n    <image><url>logo.png</url><title>Observatory news</title><link>http://example.com/</link></image>")
rss("image_title_mismatch", "an image title unlike the channel's", "ImageTitleDoesntMatch",
    extra="\n    <image><url>http://example.com/logo.png</url><title>Logo</title><link>http://example.com/</link></image>")
rss("image_link_mismatch", "an image link unlike the channel's", "ImageLinkDoesntMatch",
    extra="\n    <image><url>http://example.com/logo.png</url><title>Observatory news</title><link>http://example.com/home</link></image>")
rss("image_unknown_child", "an unknown element in image", "UndefinedElement", extra=f"\n    <image>{IMG}<alt>x</alt></image>")
rss("image_url_format", "an image url that is not an image", "ImageUrlFormat",
    extra="\n    <image><url>http://example.com/logo.html</url><title>Observatory news</title><link>http://example.com/</link></image>")
rss("cloud_missing_attribute", "a cloud without port", "MissingAttribute",
    extra='\n    <cloud domain="rpc.example.com" path="/RPC2" registerProcedure="ping" protocol="soap"/>')
rss("cloud_bad_port", "a cloud port that is no number", "InvalidIntegerAttribute",
    extra='\n    <cloud domain="rpc.example.com" port="eighty" path="/RPC2" registerProcedure="ping" protocol="soap"/>')
for n, value in enumerate(["sixty", "-5", "1.5", ""]):
    rss(f"invalid_ttl_{n}", f"ttl '{value}'", "InvalidInteger", extra=f"\n    <ttl>{value}</ttl>")
rss("ttl_zero", "ttl 0", "InvalidPositiveInteger", extra="\n    <ttl>0</ttl>")
TI = "<title>Search</title><description>Search the site</description><name>q</name><link>http://example.com/search</link>"
rss("textinput_avoid", "a textInput", "AvoidTextInput", extra=f"\n    <textInput>{TI}</textInput>")
rss("textinput_missing_name", "a textInput without name", "MissingElement",
    extra="\n    <textInput><title>Search</title><description>d</description><link>http://example.com/search</link></textInput>")
for n, value in enumerate(["25", "-1", "noon", "7.5"]):
    rss(f"invalid_hour_{n}", f"skipHours hour '{value}'", "InvalidHour", extra=f"\n    <skipHours><hour>{value}</hour></skipHours>")
rss("hour_24", "skipHours hour 24 for midnight", "UseZeroForMidnight", extra="\n    <skipHours><hour>24</hour></skipHours>")
rss("too_many_hours", "25 hours in skipHours", "NotEnoughHoursInTheDay",
    extra="\n    <skipHours>" + "".join(f"<hour>{h % 24}</hour>" for h in range(25)) + "</skipHours>")
for n, value in enumerate(["Sun", "sunday", "Funday", "7"]):
    rss(f"invalid_day_{n}", f"skipDays day '{value}'", "InvalidDay", extra=f"\n    <skipDays><day>{value}</day></skipDays>")
rss("eight_days", "eight days in skipDays", "EightDaysAWeek",
    extra="\n    <skipDays>" + "".join(f"<day>{d}</day>" for d in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday"]) + "</skipDays>")
item_case("enclosure_missing_url", "an enclosure without url", "MissingAttribute", extra='\n      <enclosure length="1" type="audio/mpeg"/>')
item_case("enclosure_missing_length", "an enclosure without length", "MissingAttribute", extra='\n      <enclosure url="http://example.com/a.mp3" type="audio/mpeg"/>')
item_case("enclosure_missing_type", "an enclosure without type", "MissingAttribute", extra='\n      <enclosure url="http://example.com/a.mp3" length="1"/>')
item_case("enclosure_bad_length", "an enclosure length that is no number", "InvalidIntegerAttribute",
          extra='\n      <enclosure url="http://example.com/a.mp3" length="1 MB" type="audio/mpeg"/>')
item_case("enclosure_bad_type", "an enclosure type that is no MIME type", "InvalidMIMEAttribute",
          extra='\n      <enclosure url="http://example.com/a.mp3" length="1" type="mp3"/>')
item_case("enclosure_relative_url", "an enclosure with a relative url", "InvalidURLAttribute",
          extra='\n      <enclosure url="/a.mp3" length="1" type="audio/mpeg"/>')
item_case("two_enclosures", "two enclosures in one item", "DuplicateEnclosure",
          extra='\n      <enclosure url="http://example.com/a.mp3" length="1" type="audio/mpeg"/>\n      <enclosure url="http://example.com/b.mp3" length="1" type="audio/mpeg"/>')
item_case("guid_bad_permalink_flag", "isPermaLink that is not true or false", "InvalidBooleanAttribute", guid='<guid isPermaLink="yes">http://example.com/a</guid>')
item_case("guid_permalink_bad_http", "a permalink guid with a broken http URL", "InvalidHttpGUID", guid="<guid>http:/example.com/1</guid>")
item_case("guid_permalink_tag", "a permalink guid that is a tag: URI", "InvalidPermalink", guid="<guid>tag:example.com,2024:1</guid>")
item_case("guid_permalink_space", "a permalink guid with a space", "InvalidUriChar", guid="<guid>first light</guid>")
item_case("guid_short_number", "a non-permalink guid that is a short number", "NotSufficientlyUnique", guid='<guid isPermaLink="false">42</guid>')
rss("duplicate_guid", "two items with one guid", "DuplicateValue", items=[rss_item(), rss_item()])
item_case("enclosure_negative_length", "an enclosure length of -5", "InvalidNonNegativeInteger",
          extra='\n      <enclosure url="http://example.com/a.mp3" length="-5" type="audio/mpeg"/>')
item_case("enclosure_unknown_length", "an enclosure length of -1", "UseZeroForUnknown",
          extra='\n      <enclosure url="http://example.com/a.mp3" length="-1" type="audio/mpeg"/>')
item_case("enclosure_ftp", "an enclosure served over ftp", "InvalidURLAttribute",
          extra='\n      <enclosure url="ftp://example.com/a.mp3" length="1" type="audio/mpeg"/>')
rss("textinput_lowercase", "textinput spelt in lower case", "UndefinedElement", extra="\n    <textinput><title>t</title></textinput>")
rss("misplaced_item", "channel metadata after the items", "MisplacedItem",
    items=[rss_item(), "    <language>en</language>"])
rss("channel_description_html", "a channel description with HTML", "ContainsHTML", description="<description>&lt;b&gt;News&lt;/b&gt;</description>")
rss("missing_language_info", "no language is advice only", "!Error")
item_case("empty_title", "an item with an empty title", "NotBlank", title="<title></title>")
item_case("description_bad_link_char", "a description linking to an address with a space", "InvalidUriChar",
          description='<description><![CDATA[<a href="/a b">x</a>]]></description>')
item_case("description_unknown_tag", "a description with a tag that is not HTML", "NotHtml",
          description='<description><![CDATA[<foo>x</foo>]]></description>')
item_case("description_style", "a description with a style that loads a URL", "DangerousStyleAttr",
          description='<description><![CDATA[<p style="background-image: url(http://x/)">x</p>]]></description>')
item_case("valid_description_style", "a description with a plain style", "!DangerousStyleAttr",
          description='<description><![CDATA[<p style="color: red; font-weight: bold">x</p>]]></description>')
rss("version_091_no_guid", "RSS 0.91 items need no guid", "!MissingGuid", version='version="0.91"', items=[rss_item(guid="")])
item_case("missing_guid", "an item without guid", "MissingGuid", guid="")
item_case("source_missing_url", "a source without url", "MissingAttribute", extra="\n      <source>Other</source>")
item_case("source_bad_url", "a source with a relative url", "InvalidFullLink", extra='\n      <source url="feed.rss">Other</source>')
rss("missing_atom_self", "a channel without atom:link self", "MissingAtomSelfLink", self_link="")
rss("atom_link_missing_href", "an atom:link without href", "MissingHref", self_link='<atom:link rel="self" type="application/rss+xml"/>')
rss("atom_link_bad_type", "an atom:link self of type text/html", "SelfNotAtom", self_link='<atom:link rel="self" type="text/html" href="http://example.com/feed.rss"/>')
item_case("description_script", "a description with a script", "SecurityRisk",
          description="<description>&lt;script&gt;alert(1)&lt;/script&gt;Hi</description>")
item_case("description_object", "a description with an object", "SecurityRisk",
          description='<description><![CDATA[<object data="x.swf"></object>]]></description>')
item_case("description_embed", "a description with an embed", "SecurityRisk", description='<description><![CDATA[<embed src="x.swf">]]></description>')
item_case("description_onmouseover", "a description with an event attribute", "SecurityRiskAttr",
          description='<description><![CDATA[<a href="http://example.com/" onmouseover="x()">a</a>]]></description>')
item_case("description_relative", "a description with a relative image", "ContainsRelRef",
          description='<description><![CDATA[<img src="images/a.png">]]></description>')
item_case("description_unescaped", "a description with unescaped markup", "NotEscaped",
          description="<description><b>bold</b> words</description>")
item_case("valid_description_cdata", "a description in CDATA with safe HTML", "!Error",
          description='<description><![CDATA[<p>Hello <a href="http://example.com/">world</a></p>]]></description>')
item_case("title_with_html", "an item title with HTML", "ContainsHTML", title="<title>&lt;b&gt;Bold&lt;/b&gt; news</title>")
item_case("pubdate_and_dcdate", "an item with pubDate and dc:date", "DuplicateItemSemantics",
          extra="\n      <dc:date>2024-02-19T10:00:00Z</dc:date>",
          feed_kwargs={"ns": 'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"'})
rss("extension_attribute", "a namespaced attribute on an enclosure", "UseOfExtensionAttr",
    items=[rss_item(extra='\n      <enclosure url="http://example.com/a.mp3" length="1" type="audio/mpeg" x:y="1"/>')],
    ns='xmlns:atom="http://www.w3.org/2005/Atom" xmlns:x="http://example.com/x"')
rss("valid_extension_element", "an extension element in a namespace", "!Error",
    extra="\n    <x:rating>5</x:rating>", ns='xmlns:atom="http://www.w3.org/2005/Atom" xmlns:x="http://example.com/x"')

# --- RSS 1.0 --------------------------------------------------------------------------------

def rdf(channel_extra="", item_extra="", channel_title="<title>Observatory</title>", channel_link="<link>http://example.com/</link>",
        channel_description="<description>News</description>", about=' rdf:about="http://example.com/rss"',
        item_title="<title>First light</title>", item_link="<link>http://example.com/1</link>", items_seq=True, extra="", ns=""):
    seq = ('<items><rdf:Seq><rdf:li resource="http://example.com/1"/></rdf:Seq></items>' if items_seq else "")
    return f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"{ns}>
  <channel{about}>
    {channel_title}
    {channel_link}
    {channel_description}
    {seq}{channel_extra}
  </channel>
  <item rdf:about="http://example.com/1">
    {item_title}
    {item_link}{item_extra}
  </item>{extra}
</rdf:RDF>
"""


def rss10(name, what, expect, **kwargs):
    case("rss10", name, what, expect, rdf(**kwargs))


rss10("valid_minimal", "a minimal RSS 1.0 feed", "!Error")
rss10("valid_dublin_core", "RSS 1.0 with Dublin Core and syndication", "!Error",
      channel_extra="\n    <dc:language>en</dc:language>\n    <dc:date>2024-02-19T10:00:00Z</dc:date>\n    <sy:updatePeriod>hourly</sy:updatePeriod>\n    <sy:updateFrequency>2</sy:updateFrequency>",
      item_extra="\n    <dc:creator>Ada</dc:creator>\n    <dc:date>2024-02-19</dc:date>\n    <content:encoded><![CDATA[<p>Hi</p>]]></content:encoded>")
rss10("missing_title", "channel without title", "MissingTitle", channel_title="")
rss10("missing_link", "channel without link", "MissingLink", channel_link="")
rss10("missing_description", "channel without description", "MissingDescription", channel_description="")
rss10("missing_about", "a channel with items but without rdf:about", "MissingAttribute", about="")
rss10("missing_items", "channel without items", "MissingElement", items_seq=False)
rss10("item_without_about", "an item without rdf:about is tolerated", "!MissingAttribute",
      extra='\n  <item><title>b</title><link>http://example.com/b</link></item>')
rss10("item_missing_title", "item without title", "MissingTitle", item_title="")
rss10("item_missing_link", "item without link", "MissingLink", item_link="")
rss10("item_bad_link", "item link that is no URL", "InvalidFullLink", item_link="<link>example.com/1</link>")
rss10("undefined_element", "an unknown RSS 1.0 element", "UndefinedElement", item_extra="\n    <pubDate>Mon, 19 Feb 2024 10:00:00 GMT</pubDate>")
rss10("duplicate_title", "an item with two titles", "DuplicateElement", item_extra="\n    <title>again</title>")
for n, value in enumerate(["19 Feb 2024", "2024-02-19T10:00:00", "2024-2-19", "2024/02/19", "Mon, 19 Feb 2024 10:00:00 GMT", "2024-02-30"]):
    rss10(f"invalid_dc_date_{n}", f"dc:date '{value}'", "InvalidW3CDTFDate", item_extra=f"\n    <dc:date>{value}</dc:date>")
for n, value in enumerate(["2024", "2024-02", "2024-02-19", "2024-02-19T10:00Z", "2024-02-19T10:00:00.5+01:00"]):
    rss10(f"valid_dc_date_{n}", f"dc:date '{value}'", "!InvalidW3CDTFDate", item_extra=f"\n    <dc:date>{value}</dc:date>")
rss10("invalid_dc_language", "dc:language that is no code", "InvalidLanguage", channel_extra="\n    <dc:language>English</dc:language>")
rss10("undefined_dc_element", "an element not in Dublin Core", "UndefinedElement", item_extra="\n    <dc:author>Ada</dc:author>")
for n, value in enumerate(["Daily", "often", "Hourly"]):
    rss10(f"invalid_update_period_{n}", f"sy:updatePeriod '{value}'", "InvalidUpdatePeriod", channel_extra=f"\n    <sy:updatePeriod>{value}</sy:updatePeriod>")
for n, value in enumerate(["0", "twice", "-1"]):
    rss10(f"invalid_update_frequency_{n}", f"sy:updateFrequency '{value}'", "InvalidPositiveInteger", channel_extra=f"\n    <sy:updateFrequency>{value}</sy:updateFrequency>")
rss10("invalid_update_base", "sy:updateBase that is no date", "InvalidW3CDTFDate", channel_extra="\n    <sy:updateBase>noon</sy:updateBase>")
rss10("content_encoded_script", "content:encoded with a script", "SecurityRisk",
      item_extra="\n    <content:encoded><![CDATA[<script>x()</script>]]></content:encoded>")
rss10("no_namespace_element", "an element without namespace inside an item", "MissingNamespace", ns=' xmlns:n=""', item_extra='\n    <n:x xmlns:n="">1</n:x>') if False else None
case("rss10", "item_no_namespace", "RSS 1.0 elements written without the namespace", "MissingNamespace",
     '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel rdf:about="http://example.com/"><title>x</title></channel></rdf:RDF>\n')
case("rss10", "valid_rss090", "an RSS 0.90 feed", "!Error",
     '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">'
     '<channel><title>x</title><link>http://example.com/</link><description>d</description></channel>'
     '<item><title>a</title><link>http://example.com/a</link></item></rdf:RDF>\n')

# --- Extensions in RSS 2.0 -----------------------------------------------------------------

EXT_NS = ('xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/" '
          'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:georss="http://www.georss.org/georss" '
          'xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
          'xmlns:thr="http://purl.org/syndication/thread/1.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"')


def ext(name, description, expect, channel="", item=""):
    case("ext", name, description, expect, rss_feed(ns=EXT_NS, extra=channel, items=[rss_item(extra=item)]))


ext("valid_everything", "a feed using every supported extension correctly", "!Error",
    channel="""
    <itunes:author>Ada</itunes:author>
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>episodic</itunes:type>
    <itunes:category text="Science"><itunes:category text="Astronomy"/></itunes:category>
    <itunes:image href="http://example.com/cover.jpg"/>
    <itunes:owner><itunes:name>Ada</itunes:name><itunes:email>ada@example.com</itunes:email></itunes:owner>
    <sy:updatePeriod>daily</sy:updatePeriod>""",
    item="""
      <dc:creator>Ada</dc:creator>
      <content:encoded><![CDATA[<p>Full text</p>]]></content:encoded>
      <media:content url="http://example.com/a.jpg" medium="image" type="image/jpeg" width="640" height="480" isDefault="true"/>
      <media:thumbnail url="http://example.com/t.jpg"/>
      <itunes:duration>1:02:03</itunes:duration>
      <itunes:episode>3</itunes:episode>
      <itunes:episodeType>full</itunes:episodeType>
      <georss:point>45.256 -71.92</georss:point>
      <slash:comments>12</slash:comments>
      <wfw:commentRss>http://example.com/1/comments.rss</wfw:commentRss>
      <thr:total>3</thr:total>""")
for n, value in enumerate(["maybe", "explicit content", "1", "clean"]):
    ext(f"itunes_explicit_{n}", f"itunes:explicit '{value}'", "InvalidTrueFalse", item=f"\n      <itunes:explicit>{value}</itunes:explicit>")
item_case("description_c1_reference", "a description with a double-escaped Windows quote", "NotHtml",
          description="<description>isn&amp;#x92;t</description>")
ext("itunes_block", "itunes:block 'maybe'", "InvalidYesNoClean", channel="\n    <itunes:block>maybe</itunes:block>")
ext("itunes_category_unknown", "an itunes:category Apple does not have", "InvalidItunesCategory", channel='\n    <itunes:category text="Stargazing"/>')
ext("itunes_subcategory_unknown", "an itunes:category subcategory of another category", "InvalidItunesCategory",
    channel='\n    <itunes:category text="Science"><itunes:category text="Golf"/></itunes:category>')
ext("itunes_category_retired", "a retired itunes:category", "ObsoleteItunesCategory", channel='\n    <itunes:category text="Talk Radio"/>')
ext("itunes_owner_no_email", "itunes:owner without itunes:email", "MissingElement", channel="\n    <itunes:owner><itunes:name>Ada</itunes:name></itunes:owner>")
ext("itunes_keywords_spaces", "itunes:keywords separated by spaces", "InvalidKeywords", channel="\n    <itunes:keywords>stars planets moons</itunes:keywords>")
ext("itunes_subtitle_too_long", "an itunes:subtitle of 300 characters", "TooLong", channel="\n    <itunes:subtitle>" + "x" * 300 + "</itunes:subtitle>")
ext("itunes_channel_advice", "a podcast channel without category, explicit or owner", "MissingItunesElement", item="\n      <itunes:duration>10:00</itunes:duration>")
ext("itunes_owner_advice", "a podcast channel without itunes:owner", "MissingItunesEmail", item="\n      <itunes:duration>10:00</itunes:duration>")
ext("itunes_unsupported_format", "a podcast enclosure Apple cannot play", "UnsupportedItunesFormat",
    item='\n      <itunes:duration>10:00</itunes:duration>\n      <enclosure url="http://example.com/a.ogg" length="1" type="audio/ogg"/>')
for n, value in enumerate(["1h", "1:2:3:4", "10:75", "one minute", "1:2"]):
    ext(f"itunes_duration_{n}", f"itunes:duration '{value}'", "InvalidDuration", item=f"\n      <itunes:duration>{value}</itunes:duration>")
ext("itunes_episode_type", "itunes:episodeType 'special'", "InvalidItunesEpisodeType", item="\n      <itunes:episodeType>special</itunes:episodeType>")
ext("itunes_channel_type", "itunes:type 'daily'", "InvalidItunesChannelType", channel="\n    <itunes:type>daily</itunes:type>")
ext("itunes_episode_number", "itunes:episode 'three'", "InvalidPositiveInteger", item="\n      <itunes:episode>three</itunes:episode>")
ext("itunes_season_zero", "itunes:season 0", "InvalidPositiveInteger", item="\n      <itunes:season>0</itunes:season>")
ext("itunes_category_no_text", "itunes:category without text", "MissingAttribute", channel="\n    <itunes:category/>")
ext("itunes_image_no_href", "itunes:image without href", "MissingAttribute", channel="\n    <itunes:image/>")
ext("itunes_image_bad_href", "itunes:image with a relative href", "InvalidURLAttribute", channel='\n    <itunes:image href="cover.jpg"/>')
ext("itunes_owner_email", "itunes:email that is no address", "InvalidContact", channel="\n    <itunes:owner><itunes:email>ada</itunes:email></itunes:owner>")
ext("itunes_unknown", "an element not in the iTunes namespace", "UndefinedElement", channel="\n    <itunes:rating>5</itunes:rating>")
ext("media_medium", "media:content medium 'picture'", "InvalidMediaMedium", item='\n      <media:content url="http://example.com/a.jpg" medium="picture"/>')
ext("media_expression", "media:content expression 'partial'", "InvalidMediaExpression", item='\n      <media:content url="http://example.com/a.jpg" expression="partial"/>')
ext("media_is_default", "media:content isDefault 'yes'", "InvalidTrueFalse", item='\n      <media:content url="http://example.com/a.jpg" isDefault="yes"/>')
ext("media_bad_url", "media:content with a relative url", "InvalidFullLink", item='\n      <media:content url="a.jpg"/>')
ext("media_bad_width", "media:content width 'wide'", "InvalidPositiveInteger", item='\n      <media:content url="http://example.com/a.jpg" width="wide"/>')
ext("media_bad_type", "media:content type 'jpeg'", "InvalidMIMEAttribute", item='\n      <media:content url="http://example.com/a.jpg" type="jpeg"/>')
ext("media_thumbnail_no_url", "media:thumbnail without url", "MissingAttribute", item="\n      <media:thumbnail/>")
ext("media_restriction_rel", "media:restriction relationship 'block'", "InvalidMediaRestrictionRel",
    item='\n      <media:restriction relationship="block" type="country">us</media:restriction>')
ext("media_restriction_type", "media:restriction type 'region'", "InvalidMediaRestrictionType",
    item='\n      <media:restriction relationship="allow" type="region">us</media:restriction>')
ext("media_hash", "media:hash algo 'sha-256'", "InvalidMediaHash", item='\n      <media:hash algo="sha-256">abc</media:hash>')
ext("media_text_type", "media:text type 'rich'", "InvalidMediaTextType", item='\n      <media:text type="rich">x</media:text>')
ext("media_adult", "media:adult is deprecated", "DeprecatedMediaAdult", item="\n      <media:adult>true</media:adult>")
ext("media_group_single", "a media:group with one media:content", "MediaGroupWithoutAlternatives",
    item='\n      <media:group><media:content url="http://example.com/a.mp4"/></media:group>')
ext("valid_media_group", "a media:group with two alternatives", "!MediaGroupWithoutAlternatives",
    item='\n      <media:group><media:content url="http://example.com/a.mp4"/><media:content url="http://example.com/a.webm"/></media:group>')
ext("media_rating_simple", "a simple rating that is neither adult nor nonadult", "InvalidMediaRating", item="\n      <media:rating>kids</media:rating>")
ext("media_rating_mpaa", "an MPAA rating that does not exist", "InvalidMediaRating", item='\n      <media:rating scheme="urn:mpaa">pg-15</media:rating>')
ext("media_hash_length", "an md5 hash of the wrong length", "InvalidMediaHash", item="\n      <media:hash>abc123</media:hash>")
ext("media_restriction_no_rel", "a media:restriction without relationship", "MissingAttribute", item='\n      <media:restriction type="country">us</media:restriction>')
ext("media_restriction_country", "a media:restriction with a country that is no code", "InvalidCountryCode",
    item='\n      <media:restriction relationship="allow" type="country">usa</media:restriction>')
ext("media_restriction_plain", "a media:restriction without type that is not all or none", "InvalidMediaRestriction",
    item='\n      <media:restriction relationship="deny">everyone</media:restriction>')
ext("media_thumbnail_time", "a media:thumbnail time that is no play time", "InvalidNPTTime",
    item='\n      <media:thumbnail url="http://example.com/t.jpg" time="ten seconds"/>')
ext("media_credit_role_case", "a media:credit role in capitals", "InvalidCreditRole", item='\n      <media:credit role="Producer">Ada</media:credit>')
ext("media_bitrate", "a media:content bitrate that is no number", "InvalidFloat", item='\n      <media:content url="http://example.com/a.mp3" bitrate="fast"/>')
case("ext", "media_wrong_namespace", "Media RSS under a misspelt namespace", "MediaRssNamespace",
     rss_feed(ns='xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss"',
              items=[rss_item(extra='\n      <media:thumbnail url="http://example.com/t.jpg"/>')]))
for n, value in enumerate(["45.256, -71.92", "45.256", "north west", "95 10", "45 200"]):
    code = ["CoordComma", "InvalidCoord", "InvalidCoord", "InvalidLatitude", "InvalidLongitude"][n]
    ext(f"georss_point_{n}", f"georss:point '{value}'", code, item=f"\n      <georss:point>{value}</georss:point>")
ext("georss_line", "georss:line with one point", "InvalidCoordList", item="\n      <georss:line>45 -71</georss:line>")
case("ext", "geo_lat_invalid", "a W3C geo latitude out of range", "InvalidLatitude",
     rss_feed(ns='xmlns:atom="http://www.w3.org/2005/Atom" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"',
              items=[rss_item(extra="\n      <geo:lat>91.5</geo:lat><geo:long>10</geo:long>")]))
case("ext", "geo_long_invalid", "a W3C geo longitude that is no number", "InvalidLongitude",
     rss_feed(ns='xmlns:atom="http://www.w3.org/2005/Atom" xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"',
              items=[rss_item(extra="\n      <geo:lat>45</geo:lat><geo:long>east</geo:long>")]))
case("ext", "dcterms_undefined", "an element Dublin Core terms does not define", "UndefinedElement",
     rss_feed(ns='xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/"',
              items=[rss_item(extra="\n      <dcterms:medium>paper</dcterms:medium>")]))
case("ext", "valid_dcterms", "Dublin Core terms used correctly", "!Error",
     rss_feed(ns='xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/"',
              items=[rss_item(extra="\n      <dcterms:modified>2024-02-19T10:00:00Z</dcterms:modified>\n      <dcterms:valid>start=2024</dcterms:valid>")]))
ext("slash_comments", "slash:comments 'many'", "InvalidNonNegativeInteger", item="\n      <slash:comments>many</slash:comments>")
ext("slash_hit_parade", "slash:hit_parade with a word", "InvalidCommaSeparatedIntegers", item="\n      <slash:hit_parade>1,2,x</slash:hit_parade>")
ext("slash_date", "slash:comments without a channel lastBuildDate", "SlashDate", item="\n      <slash:comments>3</slash:comments>")
ext("content_before_description", "content:encoded in an item without description", "NeedDescriptionBeforeContent", item="") if False else None
ext("wfw_comment_rss_case", "wfw:commentRSS instead of commentRss", "CommentRSS", item="\n      <wfw:commentRSS>http://example.com/c.rss</wfw:commentRSS>")
ext("wfw_comment_bad", "wfw:comment that is no URL", "InvalidFullLink", item="\n      <wfw:comment>comments</wfw:comment>")
ext("thr_total", "thr:total '-2'", "InvalidNonNegativeInteger", item="\n      <thr:total>-2</thr:total>")
ext("dc_date_invalid", "dc:date in RSS 2.0 that is no W3C-DTF date", "InvalidW3CDTFDate", channel="\n    <dc:date>19 Feb 2024</dc:date>")
ext("dc_and_pubdate_channel", "a channel with pubDate and dc:date", "DuplicateSemantics",
    channel="\n    <pubDate>Mon, 19 Feb 2024 10:00:00 GMT</pubDate>\n    <dc:date>2024-02-19T10:00:00Z</dc:date>")
ext("dc_creator_and_author", "an item with author and dc:creator", "DuplicateItemSemantics",
    item="\n      <author>ada@example.com (Ada)</author>\n      <dc:creator>Ada</dc:creator>")
ext("content_encoded_relative", "content:encoded with a relative link", "ContainsRelRef",
    item='\n      <content:encoded><![CDATA[<a href="../x">x</a>]]></content:encoded>')
ext("sy_update_period", "sy:updatePeriod 'sometimes'", "InvalidUpdatePeriod", channel="\n    <sy:updatePeriod>sometimes</sy:updatePeriod>")
ext("atom_author_in_rss", "an atom:author without name inside an item", "MissingElement", item="\n      <atom:author><atom:email>a@example.com</atom:email></atom:author>")
ext("atom_updated_in_rss", "an atom:updated that is no RFC 3339 date", "InvalidRFC3339Date", item="\n      <atom:updated>19 Feb 2024</atom:updated>")

# --- attributes and namespace declarations ------------------------------------------------

rss("unexpected_attribute_title", "an attribute RSS does not define", "UnexpectedAttribute", title='<title lang="en">Observatory news</title>')
rss("unexpected_attribute_channel", "an attribute on channel", "UnexpectedAttribute", extra="", items=[rss_item()]) if False else None
item_case("unexpected_rdf_about", "rdf:about on an RSS 2.0 item", "UnexpectedAttribute",
          feed_kwargs={"ns": 'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'},
          title='<title rdf:about="http://example.com/">First light</title>')
atom("unexpected_link_attribute", "an attribute Atom links do not define", "UnexpectedAttribute",
     alt_link='<link href="http://example.org/" target="_blank"/>')
atom("unexpected_feed_attribute", "an attribute on the feed element", "UnexpectedAttribute", root_attrs=' version="1.0"')
rss("reserved_prefix", "the dc prefix bound to another namespace", "ReservedPrefix",
    extra='\n    <dc:thing xmlns:dc="http://example.com/not-dublin-core">x</dc:thing>')
rss("unknown_namespace_is_a_warning", "an unknown extension namespace is not an error", "!Error",
    extra='\n    <x:rating xmlns:x="http://example.com/ns/rating">5</x:rating>')
atom("prefixed_xhtml_in_atom", "a prefixed XHTML namespace in an Atom feed", "AvoidNamespacePrefix",
     root_attrs=' xmlns:xhtml="http://www.w3.org/1999/xhtml"')
case("rss20", "rss091_dtd_entities", "HTML entities in an RSS 0.91 document whose DTD declares them", "!UndefinedNamedEntity",
     '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://www.rssboard.org/rss-0.91.dtd">\n'
     '<rss version="0.91"><channel><title>Caf&eacute;</title><link>http://example.com/</link><description>d&nbsp;e</description>'
     '<language>en</language></channel></rss>\n')
case("rss20", "netscape_dtd", "the old Netscape RSS 0.91 DTD", "DeprecatedDTD",
     '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
     '<rss version="0.91"><channel><title>x</title><link>http://example.com/</link><description>d</description>'
     '<language>en</language></channel></rss>\n')

# --- XML level -----------------------------------------------------------------------------

case("xml", "not_well_formed_mismatch", "mismatched tags", "SAXError",
     '<rss version="2.0"><channel><title>x</title></chanel></rss>\n')
case("xml", "not_well_formed_unclosed", "an unclosed element at the end", "SAXError", '<rss version="2.0"><channel><title>x</title>\n')
case("xml", "not_well_formed_ampersand", "a raw ampersand", "SAXError",
     '<rss version="2.0"><channel><title>Salt & pepper</title></channel></rss>\n')
case("xml", "not_well_formed_attribute", "an unquoted attribute", "SAXError", '<rss version=2.0><channel></channel></rss>\n')
case("xml", "undefined_entity", "an HTML entity in XML", "UndefinedNamedEntity",
     '<rss version="2.0"><channel><title>Caf&eacute;</title><link>http://example.com/</link><description>d</description></channel></rss>\n')
case("xml", "undefined_entity_is_sax_error", "an undefined entity counts as a SAXError", "SAXError",
     '<rss version="2.0"><channel><title>a&nbsp;b</title><link>http://example.com/</link><description>d</description></channel></rss>\n')
case("xml", "undeclared_prefix", "an undeclared namespace prefix", "SAXError",
     '<rss version="2.0"><channel><title>x</title><link>http://example.com/</link><description>d</description><dc:date>2024</dc:date></channel></rss>\n')
case("xml", "blank_line_before_declaration", "a blank line before the XML declaration", "SAXError",
     '\n<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title><link>http://example.com/</link><description>d</description></channel></rss>\n')
case("xml", "no_root_element", "a document with a comment and no element", "SAXError", "")
case("xml", "html_page", "an HTML page instead of a feed", "UndefinedElement", "<html><head><title>x</title></head><body></body></html>\n")
case("xml", "unknown_root", "an unknown root element", "UndefinedElement", "<news><item>x</item></news>\n")
case("xml", "opml_is_not_checked", "an OPML document is reported as not checked, not as invalid", "!Error",
     '<opml version="2.0"><head><title>x</title></head><body/></opml>\n')
case("xml", "bad_xml_version", "XML version 2.0", "BadXmlVersion",
     '<?xml version="2.0"?>\n<rss version="2.0"><channel><title>x</title><link>http://example.com/</link><description>d</description></channel></rss>\n')
case("xml", "valid_latin1", "an ISO-8859-1 document", "!Error", None)
case("xml", "valid_windows_1251", "a Windows-1251 (Cyrillic) document", "!Error", None)
case("xml", "invalid_utf8", "bytes that are not UTF-8 in a UTF-8 document", "UnicodeError", None)
case("xml", "valid_utf16", "a UTF-16 document with a byte-order mark", "!Error", None)
case("xml", "valid_numeric_reference", "numeric character references", "!Error",
     '<rss version="2.0"><channel><title>Caf&#233; &#x2014; news</title><link>http://example.com/</link><description>d</description>'
     '<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="http://example.com/feed"/></channel></rss>\n')
case("xml", "valid_declared_entity", "an entity declared in the internal subset", "!Error",
     '<!DOCTYPE rss [<!ENTITY brand "Observatory">]>\n<rss version="2.0"><channel><title>&brand;</title><link>http://example.com/</link>'
     '<description>d</description></channel></rss>\n')


def write():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    seen = set()
    for group, name, description, expect, document in CASES:
        key = (group, name)
        assert key not in seen, key
        seen.add(key)
        os.makedirs(os.path.join(ROOT, group), exist_ok=True)
        path = os.path.join(ROOT, group, name + ".xml")
        header = f"<!--\n  Description: {description}\n  Expect: {expect}\n-->\n"
        if document is None:
            data = special(name, header)
        elif document.startswith("<?xml") or document.startswith("\n<?xml"):
            if document.startswith("\n"):
                data = document.encode()  # the blank line must come first: no header
                data = data.replace(b"</rss>\n", b"</rss>\n" + header.encode())
            else:
                end = document.index("?>") + 2
                data = (document[:end] + "\n" + header + document[end + 1:]).encode()
        elif document == "":
            data = header.encode()
        else:
            data = (header + document).encode()
        with open(path, "wb") as f:
            f.write(data)
    print(f"{len(CASES)} documents in {ROOT}")


def special(name, header):
    channel = ('<rss version="2.0"><channel><title>{}</title><link>http://example.com/</link><description>d</description>'
               '<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="self" href="http://example.com/feed"/></channel></rss>\n')
    if name == "valid_windows_1251":
        return ('<?xml version="1.0" encoding="windows-1251"?>\n' + header + channel.format("\u041d\u043e\u0432\u043e\u0441\u0442\u0438")).encode("cp1251")
    if name == "valid_latin1":
        return ('<?xml version="1.0" encoding="iso-8859-1"?>\n' + header + channel.format("Caf\u00e9")).encode("latin-1")
    if name == "invalid_utf8":
        return ('<?xml version="1.0" encoding="utf-8"?>\n' + header).encode() + channel.format("Caf\u00e9").encode("latin-1")
    if name == "valid_utf16":
        return b"\xff\xfe" + ('<?xml version="1.0" encoding="utf-16"?>\n' + header + channel.format("Caf\u00e9")).encode("utf-16-le")
    raise ValueError(name)


CASES = [c for c in CASES if c is not None]
write()
