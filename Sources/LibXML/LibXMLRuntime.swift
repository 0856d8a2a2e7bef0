internal import CLibXML2

/// One-time set-up of libxml2, shared by every parser and writer of this module.
enum LibXMLRuntime {
    /// Initializes libxml2 exactly once (Swift initializes global `let`s lazily and thread-safely).
    static func ensureInitialized() { _ = initialized }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The version of the linked libxml2, e.g. `20914` for 2.9.14.
    static var version: Int { Int(tributary_libxmlVersion()) }
}

/// The version of the libxml2 library this build is linked against, e.g. `20914`.
public var libxml2Version: Int { LibXMLRuntime.version }
