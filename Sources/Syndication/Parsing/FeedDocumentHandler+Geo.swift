/// Positions being gathered from GeoRSS (simple and GML) and W3C geo elements.
struct GeoState {
    var latitude: Double?
    var longitude: Double?
    var gmlType: String?
    /// Numbers per position (`srsDimension`, default 2).
    var dimension = 2
    /// Whether positions are latitude first (geographic reference systems, the default).
    var latitudeFirst = true
}

extension FeedDocumentHandler {
    func startGeoElement(_ tag: String, attributes: [String: String]) -> Bool {
        switch tag {
        case "georss_point", "georss_line", "georss_polygon", "georss_box", "gml_pos", "gml_poslist", "geo_lat", "geo_long":
            push(tag, expectingText: false)
        case "gml_point", "gml_linestring", "gml_polygon", "gml_envelope":
            geo.gmlType = ["gml_point": "Point", "gml_linestring": "LineString", "gml_polygon": "Polygon", "gml_envelope": "Box"][tag]
            geo.dimension = attributes["srsdimension"].flatMap { Int($0) }.map { min(max($0, 2), 3) } ?? 2
            geo.latitudeFirst = Self.isGeographic(attributes["srsname"])
        case "georss_where", "gml_exterior", "gml_linearring", "gml_lowercorner", "gml_uppercorner", "geo_point":
            if tag == "gml_lowercorner" || tag == "gml_uppercorner" { push(tag, expectingText: false) }
        default:
            return false
        }
        return true
    }

    func endGeoElement(_ tag: String) -> Bool {
        switch tag {
        case "georss_point":
            setLocation("Point", Self.positions(pop(tag) ?? ""), minimum: 1)
        case "georss_line":
            setLocation("LineString", Self.positions(pop(tag) ?? ""), minimum: 2)
        case "georss_polygon":
            setLocation("Polygon", Self.positions(pop(tag) ?? ""), minimum: 4)
        case "georss_box":
            setLocation("Box", Self.positions(pop(tag) ?? ""), minimum: 2)
        case "gml_pos", "gml_poslist":
            var positions = Self.positions(pop(tag) ?? "", dimension: geo.dimension)
            if !geo.latitudeFirst { positions = positions.map { [$0[1], $0[0]] + $0.dropFirst(2) } }
            let type = geo.gmlType ?? "Point"
            setLocation(type, positions, minimum: type == "Point" ? 1 : 2)
        case "gml_lowercorner", "gml_uppercorner":
            let positions = Self.positions(pop(tag) ?? "")
            guard positions.count == 1 else { return true }
            withContext { context in
                if tag == "gml_lowercorner" || context.location?.type != "Box" {
                    context.location = GeoLocation(type: "Box", coordinates: positions)
                } else {
                    context.location?.coordinates.append(contentsOf: positions)
                }
            }
        case "geo_lat":
            geo.latitude = Double((pop(tag) ?? "").trimmingWhitespace())
            setW3CPoint()
        case "geo_long":
            geo.longitude = Double((pop(tag) ?? "").trimmingWhitespace())
            setW3CPoint()
        case "gml_point", "gml_linestring", "gml_polygon", "gml_envelope":
            geo = GeoState()
        case "georss_where", "gml_exterior", "gml_linearring", "geo_point":
            break
        default:
            return false
        }
        return true
    }

    private func setLocation(_ type: String, _ positions: [[Double]], minimum: Int) {
        guard positions.count >= minimum else { return }
        if type == "Point" && positions.count != 1 { return }
        withContext { $0.location = GeoLocation(type: type, coordinates: positions) }
    }

    private func setW3CPoint() {
        guard let latitude = geo.latitude, let longitude = geo.longitude else { return }
        withContext { $0.location = GeoLocation(type: "Point", coordinates: [[latitude, longitude]]) }
        geo.latitude = nil
        geo.longitude = nil
    }

    /// Pairs of numbers (latitude longitude …) from whitespace- or comma-separated text.
    static func positions(_ text: String, dimension: Int = 2) -> [[Double]] {
        let numbers = text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { Double($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }), numbers.count % dimension == 0 else { return [] }
        return stride(from: 0, to: numbers.count, by: dimension).map { start in (0..<dimension).map { numbers[start + $0]! } }
    }

    /// Whether a GML reference system is geographic (latitude, longitude): EPSG 4000–4999 and
    /// the few geographic codes below, or no reference system at all.
    static func isGeographic(_ name: String?) -> Bool {
        guard let name, let digits = name.split(whereSeparator: { !$0.isNumber }).last, let code = Int(digits) else { return true }
        return (4000...4999).contains(code) || (3819...3906).contains(code)
    }
}
