/// YAML built to hurt a careless reader.
public enum HostileYAML {
    /// Ten anchored lists, each of nine aliases to the one before (9¹⁰ "lol"s once expanded,
    /// some 6 GB), then `key: *j` on line 11.
    public static func billionLaughs(key: String) -> String {
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return yaml + "\(key): *j\n"
    }
}
