import Foundation
import Testing

/// Checks JSON values against the subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that the product's
/// OpenAPI document uses: type (with null), properties, required, additionalProperties, items, enum, minimum,
/// maximum, maxLength and local $ref. Enough to hold every API response to the published contract.
struct JSONSchemaValidator {
    let document: [String: Any]

    init(openAPI data: Data) throws {
        document = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The schema of a path's response (to a GET unless `method` says otherwise) for a status, resolved.
    func responseSchema(
        path: String, status: String, mediaType: String = "application/json", method: String = "get"
    ) throws -> [String: Any] {
        let paths = try #require(document["paths"] as? [String: Any])
        let operation = try #require(
            (paths[path] as? [String: Any])?[method] as? [String: Any], "no \(method.uppercased()) \(path)")
        let responses = try #require(operation["responses"] as? [String: Any])
        let response = try #require(responses[status] as? [String: Any], "no \(status) for \(path)")
        let content = try #require(response["content"] as? [String: Any])
        let media = try #require(content[mediaType] as? [String: Any])
        return try #require(media["schema"] as? [String: Any])
    }

    /// Every violation, as "path: message"; empty when the value conforms.
    func validate(_ value: Any, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let resolved = resolve(ref) else { return ["\(path): unresolved \(ref)"] }
            return validate(value, against: resolved, at: path)
        }
        var errors: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }) {
            guard types.contains(where: { matches(value, type: $0) }) else {
                return ["\(path): expected \(types.joined(separator: "|")), found \(describe(value))"]
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { equal($0, value) }) {
            errors.append("\(path): \(value) is not in the enum")
        }
        if let number = value as? NSNumber, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
                errors.append("\(path): \(number) < \(minimum)")
            }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum {
                errors.append("\(path): \(number) > \(maximum)")
            }
        }
        if let string = value as? String, let maxLength = schema["maxLength"] as? Int, string.count > maxLength {
            errors.append("\(path): longer than \(maxLength)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                errors.append("\(path): missing required \(name)")
            }
            for (name, item) in object {
                if let propertySchema = properties[name] as? [String: Any] {
                    errors += validate(item, against: propertySchema, at: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += validate(item, against: additional, at: "\(path).\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): unexpected property \(name)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                errors += validate(item, against: items, at: "\(path)[\(index)]")
            }
        }
        return errors
    }

    private func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !isBool(value)
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    /// Foundation decodes JSON booleans as its boolean NSNumber (`__NSCFBoolean`), and every NSNumber casts to
    /// Bool, so a boolean is told from a number by that class, never by a cast.
    private func isBool(_ value: Any) -> Bool {
        (value is Bool && !(value is NSNumber)) || String(describing: type(of: value)) == "__NSCFBoolean"
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return false
    }

    private func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "string"
        case is [Any]: "array"
        case is [String: Any]: "object"
        default: "\(type(of: value))"
        }
    }
}
