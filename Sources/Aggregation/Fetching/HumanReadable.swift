/// Human-readable sizes and durations for messages ("10 MiB", "1.2 MB", "120 s", "2 h").
enum HumanReadable {
    /// A size in bytes: whole MiB/KiB when exact, else one decimal in MB/KB.
    static func text(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes >= 1024, bytes % 1024 == 0, bytes < 1024 * 1024 { return "\(bytes / 1024) KiB" }
        if bytes >= 1_000_000 { return "\(oneDecimal(Double(bytes) / 1_000_000)) MB" }
        if bytes >= 1_000 { return "\(oneDecimal(Double(bytes) / 1_000)) KB" }
        return "\(bytes) bytes"
    }

    /// A duration in whole seconds ("120 s"), or a fraction for short ones ("0.5 s").
    static func seconds(_ seconds: Double) -> String {
        let value = max(0, seconds)
        if value < 10, value != value.rounded() { return "\(oneDecimal(value)) s" }
        return "\(Int(value.rounded())) s"
    }

    /// A duration in the largest sensible unit ("45 s", "30 min", "2 h", "1.5 h", "3 d").
    static func interval(_ seconds: Double) -> String {
        let value = max(0, seconds)
        if value < 60 { return "\(Int(value.rounded())) s" }
        if value < 3600 { return "\(oneDecimal(value / 60)) min" }
        if value < 86400 * 2 { return "\(oneDecimal(value / 3600)) h" }
        return "\(oneDecimal(value / 86400)) d"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
