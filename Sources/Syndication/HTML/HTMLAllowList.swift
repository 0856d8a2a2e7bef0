/// The allow-lists the sanitizer applies, as data (the names follow feedparser's lists).
enum HTMLAllowList {
    /// HTML elements kept in sanitized output.
    static let elements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big",
        "blockquote", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "command", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog",
        "dir", "div", "dl", "dt", "em", "event-source", "fieldset", "figcaption", "figure",
        "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
        "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m", "map", "menu",
        "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option", "output",
        "p", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select",
        "small", "sound", "source", "spacer", "span", "strike", "strong", "sub", "sup", "table",
        "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var",
        "video",
    ]

    /// Elements whose whole content (not only the tags) is dropped.
    static let elementsDroppedWithContent: Set<String> = ["applet", "script", "style"]

    /// Elements serialized without an end tag (`<br />`).
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img",
        "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// HTML attributes kept in sanitized output.
    static let attributes: Set<String> = [
        "abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt",
        "autocomplete", "autofocus", "axis", "background", "balance", "bgcolor", "bgproperties",
        "border", "bordercolor", "bordercolordark", "bordercolorlight", "bottompadding",
        "cellpadding", "cellspacing", "ch", "challenge", "char", "charoff", "charset", "checked",
        "choff", "cite", "class", "clear", "color", "cols", "colspan", "compact",
        "contenteditable", "controls", "coords", "data", "datafld", "datapagesize", "datasrc",
        "datetime", "default", "delay", "dir", "disabled", "draggable", "dynsrc", "enctype",
        "end", "face", "for", "form", "frame", "galleryimg", "gutter", "headers", "height",
        "hidden", "hidefocus", "high", "href", "hreflang", "hspace", "icon", "id", "inputmode",
        "ismap", "keytype", "label", "lang", "leftspacing", "list", "longdesc", "loop",
        "loopcount", "loopend", "loopstart", "low", "lowsrc", "max", "maxlength", "media",
        "method", "min", "multiple", "name", "nohref", "noshade", "nowrap", "open", "optimum",
        "pattern", "ping", "point-size", "poster", "pqg", "preload", "prompt", "radiogroup",
        "readonly", "rel", "repeat-max", "repeat-min", "replace", "required", "rev",
        "rightspacing", "rows", "rowspan", "rules", "scope", "selected", "shape", "size", "span",
        "src", "start", "step", "style", "summary", "suppress", "tabindex", "target", "template",
        "title", "toppadding", "type", "unselectable", "urn", "usemap", "valign", "value",
        "variable", "volume", "vrml", "vspace", "width", "wrap", "xml:lang",
    ]

    /// Attributes whose value is a URI; an unsafe scheme empties them.
    static let uriAttributes: Set<String> = [
        "action", "background", "cite", "dynsrc", "href", "longdesc", "lowsrc", "ping",
        "poster", "src", "usemap", "xlink:href",
    ]

    /// MathML elements, kept only inside `<math xmlns="http://www.w3.org/1998/Math/MathML">`.
    static let mathMLElements: Set<String> = [
        "annotation", "annotation-xml", "maction", "maligngroup", "malignmark", "math",
        "menclose", "merror", "mfenced", "mfrac", "mglyph", "mi", "mlabeledtr", "mlongdiv",
        "mmultiscripts", "mn", "mo", "mover", "mpadded", "mphantom", "mprescripts", "mroot",
        "mrow", "ms", "mscarries", "mscarry", "msgroup", "msline", "mspace", "msqrt", "msrow",
        "mstack", "mstyle", "msub", "msubsup", "msup", "mtable", "mtd", "mtext", "mtr",
        "munder", "munderover", "none", "semantics",
    ]

    /// MathML attributes.
    static let mathMLAttributes: Set<String> = [
        "accent", "accentunder", "actiontype", "align", "alignmentscope", "altimg",
        "altimg-height", "altimg-valign", "altimg-width", "alttext", "bevelled", "charalign",
        "close", "columnalign", "columnlines", "columnspacing", "columnspan", "columnwidth",
        "crossout", "decimalpoint", "denomalign", "depth", "dir", "display", "displaystyle",
        "edge", "encoding", "equalcolumns", "equalrows", "fence", "fontstyle", "fontweight",
        "form", "frame", "framespacing", "groupalign", "height", "href", "id", "indentalign",
        "indentalignfirst", "indentalignlast", "indentshift", "indentshiftfirst",
        "indentshiftlast", "indenttarget", "infixlinebreakstyle", "largeop", "length",
        "linebreak", "linebreakmultchar", "linebreakstyle", "lineleading", "linethickness",
        "location", "longdivstyle", "lquote", "lspace", "mathbackground", "mathcolor",
        "mathsize", "mathvariant", "maxsize", "minlabelspacing", "minsize", "movablelimits",
        "notation", "numalign", "open", "other", "overflow", "position", "rowalign", "rowlines",
        "rowspacing", "rowspan", "rquote", "rspace", "scriptlevel", "scriptminsize",
        "scriptsizemultiplier", "selection", "separator", "separators", "shift", "side", "src",
        "stackalign", "stretchy", "subscriptshift", "superscriptshift", "symmetric", "voffset",
        "width", "xlink:href", "xlink:show", "xlink:type", "xmlns", "xmlns:xlink",
    ]

    /// SVG elements (SVG Tiny), kept only inside `<svg xmlns="http://www.w3.org/2000/svg">`.
    /// Written in their canonical (possibly camel-case) spelling.
    static let svgElementSpellings: [String] = [
        "a", "animate", "animateColor", "animateMotion", "animateTransform", "circle", "defs",
        "desc", "ellipse", "font-face", "font-face-name", "font-face-src", "foreignObject", "g",
        "glyph", "hkern", "line", "linearGradient", "marker", "metadata", "missing-glyph",
        "mpath", "path", "polygon", "polyline", "radialGradient", "rect", "set", "stop", "svg",
        "switch", "text", "title", "tspan", "use",
    ]

    /// SVG attributes, in their canonical (possibly camel-case) spelling.
    static let svgAttributeSpellings: [String] = [
        "accent-height", "accumulate", "additive", "alphabetic", "arabic-form", "ascent",
        "attributeName", "attributeType", "baseProfile", "bbox", "begin", "by", "calcMode",
        "cap-height", "class", "color", "color-rendering", "content", "cx", "cy", "d", "descent",
        "display", "dur", "dx", "dy", "end", "fill", "fill-opacity", "fill-rule", "font-family",
        "font-size", "font-stretch", "font-style", "font-variant", "font-weight", "from", "fx",
        "fy", "g1", "g2", "glyph-name", "gradientUnits", "hanging", "height", "horiz-adv-x",
        "horiz-origin-x", "id", "ideographic", "k", "keyPoints", "keySplines", "keyTimes", "lang",
        "marker-end", "marker-mid", "marker-start", "markerHeight", "markerUnits", "markerWidth",
        "mathematical", "max", "min", "name", "offset", "opacity", "orient", "origin",
        "overline-position", "overline-thickness", "panose-1", "path", "pathLength", "points",
        "preserveAspectRatio", "r", "refX", "refY", "repeatCount", "repeatDur",
        "requiredExtensions", "requiredFeatures", "restart", "rotate", "rx", "ry", "slope",
        "stemh", "stemv", "stop-color", "stop-opacity", "strikethrough-position",
        "strikethrough-thickness", "stroke", "stroke-dasharray", "stroke-dashoffset",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
        "stroke-width", "systemLanguage", "target", "text-anchor", "to", "transform", "type",
        "u1", "u2", "underline-position", "underline-thickness", "unicode", "unicode-range",
        "units-per-em", "values", "version", "viewBox", "visibility", "width", "widths", "x",
        "x-height", "x1", "x2", "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role",
        "xlink:show", "xlink:title", "xlink:type", "xml:base", "xml:lang", "xml:space", "xmlns",
        "xmlns:xlink", "y", "y1", "y2", "zoomAndPan",
    ]

    /// Lower-cased SVG element name → canonical spelling.
    static let svgElements: [String: String] = Dictionary(
        svgElementSpellings.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// Lower-cased SVG attribute name → canonical spelling.
    static let svgAttributes: [String: String] = Dictionary(
        svgAttributeSpellings.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// Lower-cased SVG attribute names.
    static let svgAttributeNames: Set<String> = Set(svgAttributes.keys)

    /// URI schemes that may appear in links (anything else empties the attribute).
    static let safeURISchemes: Set<String> = [
        "file", "ftp", "gopher", "h323", "hdl", "http", "https", "imap", "magnet", "mailto",
        "mms", "news", "nntp", "prospero", "rsync", "rtsp", "rtspu", "sftp", "shttp", "sip",
        "sips", "snews", "svn", "svn+ssh", "telnet", "wais", "aim", "callto", "cvs", "facetime",
        "feed", "git", "gtalk", "irc", "ircs", "irc6", "itms", "msnim", "skype", "ssh", "smb",
        "ymsg",
    ]

    /// (element, attribute) pairs whose value is a URI to resolve against the base.
    static let relativeURIAttributes: Set<String> = [
        "a href", "applet codebase", "area href", "audio src", "blockquote cite",
        "body background", "del cite", "form action", "frame longdesc", "frame src",
        "iframe longdesc", "iframe src", "head profile", "img longdesc", "img src", "img usemap",
        "input src", "input usemap", "ins cite", "link href", "object classid",
        "object codebase", "object data", "object usemap", "q cite", "script src", "source src",
        "video poster", "video src",
    ]

    /// Element → its URI-valued attributes to resolve (from ``relativeURIAttributes``).
    static let relativeURIAttributesByElement: [String: Set<String>] = {
        var result: [String: Set<String>] = [:]
        for pair in relativeURIAttributes {
            let parts = pair.split(separator: " ")
            result[String(parts[0]), default: []].insert(String(parts[1]))
        }
        return result
    }()

    /// CSS properties kept whatever their value (after the CSS gauntlet).
    static let cssProperties: Set<String> = [
        "azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color",
        "border-left-color", "border-right-color", "border-top-color", "clear", "color",
        "cursor", "direction", "display", "elevation", "float", "font", "font-family",
        "font-size", "font-style", "font-variant", "font-weight", "height", "letter-spacing",
        "line-height", "overflow", "pause", "pause-after", "pause-before", "pitch",
        "pitch-range", "richness", "speak", "speak-header", "speak-numeral", "speak-punctuation",
        "speech-rate", "stress", "text-align", "text-decoration", "text-indent", "unicode-bidi",
        "vertical-align", "voice-family", "volume", "white-space", "width",
    ]

    /// Keywords allowed in `background*`, `border*`, `margin*` and `padding*` values.
    static let cssKeywords: Set<String> = [
        "!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom",
        "brown", "center", "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "italic",
        "left", "lime", "maroon", "medium", "navy", "none", "normal", "nowrap", "olive",
        "pointer", "purple", "red", "right", "silver", "solid", "teal", "top", "transparent",
        "underline", "white", "yellow",
    ]

    /// Shorthand families whose values are checked keyword by keyword.
    static let cssShorthandFamilies: Set<String> = ["background", "border", "margin", "padding"]

    /// CSS properties additionally kept inside SVG.
    static let svgCSSProperties: Set<String> = [
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-linecap", "stroke-linejoin",
        "stroke-opacity", "stroke-width",
    ]
}
