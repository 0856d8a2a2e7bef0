/// Positions being gathered from GeoRSS (simple and GML) and W3C geo elements.
struct GeoState: Equatable, Sendable {
    var latitude: Double?
    var longitude: Double?
    var gmlType: String?
    /// Numbers per position (`srsDimension`, default 2).
    var dimension = 2
    /// Whether positions are latitude first (geographic reference systems, the default).
    var latitudeFirst = true
}

extension FeedDocumentHandler {
    func startGeoElement(_ element: FeedElement, tag: String, attributes: AttributeMap) -> Bool {
        switch element {
        case .georssPoint, .georssLine, .georssPolygon, .georssBox, .gmlPos, .gmlPosList, .geoLat, .geoLong:
            push(tag, expectingText: false)
        case .gmlPoint, .gmlLineString, .gmlPolygon, .gmlEnvelope:
            geo.gmlType = ["gml_point": "Point", "gml_linestring": "LineString", "gml_polygon": "Polygon", "gml_envelope": "Box"][tag]
            geo.dimension = attributes["srsdimension"].flatMap { Int($0) }.map { min(max($0, 2), 3) } ?? 2
            geo.latitudeFirst = Self.isGeographic(attributes["srsname"])
        case .georssWhere, .gmlExterior, .gmlLinearRing, .gmlLowerCorner, .gmlUpperCorner, .geoPoint:
            if tag == "gml_lowercorner" || tag == "gml_uppercorner" { push(tag, expectingText: false) }
        default:
            return false
        }
        return true
    }

    func endGeoElement(_ element: FeedElement, tag: String) -> Bool {
        switch element {
        case .georssPoint:
            setLocation("Point", Self.positions(pop(tag) ?? ""), minimum: 1)
        case .georssLine:
            setLocation("LineString", Self.positions(pop(tag) ?? ""), minimum: 2)
        case .georssPolygon:
            setLocation("Polygon", Self.positions(pop(tag) ?? ""), minimum: 4)
        case .georssBox:
            setLocation("Box", Self.positions(pop(tag) ?? ""), minimum: 2)
        case .gmlPos, .gmlPosList:
            var positions = Self.positions(pop(tag) ?? "", dimension: geo.dimension)
            if !geo.latitudeFirst { positions = positions.map { [$0[1], $0[0]] + $0.dropFirst(2) } }
            let type = geo.gmlType ?? "Point"
            setLocation(type, positions, minimum: type == "Point" ? 1 : 2)
        case .gmlLowerCorner, .gmlUpperCorner:
            let positions = Self.positions(pop(tag) ?? "")
            guard positions.count == 1 else { return true }
            withContext { context in
                if tag == "gml_lowercorner" || context.location?.type != "Box" {
                    context.location = GeoLocation(type: "Box", coordinates: positions)
                } else {
                    context.location?.coordinates.append(contentsOf: positions)
                }
            }
        case .geoLat:
            geo.latitude = Double((pop(tag) ?? "").trimmingWhitespace())
            setW3CPoint()
        case .geoLong:
            geo.longitude = Double((pop(tag) ?? "").trimmingWhitespace())
            setW3CPoint()
        case .gmlPoint, .gmlLineString, .gmlPolygon, .gmlEnvelope:
            geo = GeoState()
        case .georssWhere, .gmlExterior, .gmlLinearRing, .geoPoint:
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
