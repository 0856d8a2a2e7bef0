/// Values a handler works out once per distinct name, kept by the name's ``XMLName/serial``
/// (small and dense, so an array): a name without a serial (0) or past ``limit`` is not kept
/// and its value is worked out each time.
@frozen
public struct NameSerialTable<Value> {
    /// The largest serial kept, plus one: a hostile document's thousands of names stay cheap.
    public static var limit: Int { 4096 }

    @usableFromInline var values: [Value?] = []

    @inlinable public init() {}

    /// The value kept for `serial`, or nil.
    @inlinable public subscript(serial: Int) -> Value? {
        serial > 0 && serial < values.count ? values[serial] : nil
    }

    /// Keeps `value` for `serial` (unless the serial is 0 or past ``limit``).
    @inlinable public mutating func keep(_ value: Value, for serial: Int) {
        guard serial > 0, serial < Self.limit else { return }
        if serial >= values.count { values.append(contentsOf: repeatElement(nil, count: serial - values.count + 1)) }
        values[serial] = value
    }

    /// Forgets every value, keeping the storage.
    @inlinable public mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
    }
}
