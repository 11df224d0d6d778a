import Foundation

/// A JSON Schema validator for the subset `ReportSchema` uses: `type` (one or several, with
/// `integer`), `enum`, `pattern`, `required`, `properties`, `additionalProperties` (false or a
/// schema), `items` and `anyOf`. Any other keyword is reported, so the schema cannot silently
/// use one this validator would ignore.
struct JSONSchemaValidator {
    static let known: Set<String> = ["$schema", "$id", "title", "type", "enum", "pattern", "required", "properties",
                                     "additionalProperties", "items", "anyOf"]

    /// Every place `value` breaks `schema`, as `path: reason`.
    static func errors(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        var out = schema.keys.filter { !known.contains($0) }.map { "\(path): unsupported keyword \($0)" }
        if let types = schema["type"] {
            let names = (types as? [String]) ?? [types as! String]
            if !names.contains(where: { matches(value, $0) }) { out.append("\(path): not \(names.joined(separator: "|"))") }
        }
        if let options = schema["enum"] as? [String], !options.contains(where: { $0 == value as? String }) {
            out.append("\(path): not one of \(options)")
        }
        if let pattern = schema["pattern"] as? String, let s = value as? String, s.range(of: pattern, options: .regularExpression) == nil {
            out.append("\(path): \(s) does not match \(pattern)")
        }
        if let anyOf = schema["anyOf"] as? [[String: Any]], !anyOf.contains(where: { errors(value, $0, at: path).isEmpty }) {
            out.append("\(path): matches none of anyOf: " + anyOf.flatMap { errors(value, $0, at: path) }.joined(separator: "; "))
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, child) in object {
                if let p = properties[key] {
                    out += errors(child, p, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    out += errors(child, extra, at: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    out.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, item) in array.enumerated() { out += errors(item, items, at: "\(path)[\(i)]") }
        }
        return out
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "string": value is String
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "number": value is NSNumber
        case "integer": (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        default: false
        }
    }
}
