import Foundation

/// Digests any `Encodable` value (a page's frame: its view built from the site plan) without
/// writing it out: every value is fed with the depth it sits at and its key or index, so two
/// different trees never feed the same sequence (a pre-order walk labelled with depths is
/// the tree). Views are `Encodable` by synthesis, so a new field is digested without a line
/// of code here — a field a template reads can never be left out of the manifest.
struct DigestEncoder {
    static func digest(_ value: some Encodable) -> Digest {
        let sink = Sink()
        do { try Node(sink: sink, depth: 0).encodeValue(value) } catch {
            sink.digest.tag(0xFF)  // cannot happen: no view throws while encoding
        }
        return sink.digest
    }

    final class Sink {
        var digest = Digest()
    }

    /// Tags of what the digest is fed.
    enum Tag: UInt8 { case key = 1, element, null, string, bool, int, double, decimal, number }

    /// One level of the tree. `depth` is fed with every mark; the coding path itself is
    /// never needed, so it is not built.
    struct Node: Encoder {
        let sink: Sink
        let depth: Int
        var codingPath: [CodingKey] { Array(repeating: Index(0), count: depth) }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(node: self))
        }
        func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(node: self) }
        func singleValueContainer() -> SingleValueEncodingContainer { Single(node: self) }

        /// Leaves are fed directly; anything else encodes itself one level down. Types are
        /// compared, not cast: a failed cast to a protocol costs a conformance lookup, and
        /// most values here are views, which would fail every one.
        func encodeValue<T: Encodable>(_ value: T) throws {
            if leaf(value) { return }
            if T.self == [String].self {
                lines(value as! [String])
            } else {
                try value.encode(to: self)
            }
        }

        /// An array of strings (a CSV page's frame is one line a report: 10,000 of them) fed as
        /// its unkeyed container would feed it, element by element, without a container and
        /// a node for each.
        func lines(_ strings: [String]) {
            for (i, string) in strings.enumerated() {
                sink.digest.tag(Tag.element.rawValue)
                sink.digest.add(depth)
                sink.digest.add(String(i))
                sink.digest.tag(Tag.string.rawValue)
                sink.digest.add(string)
            }
        }

        /// Feeds `value` if it is one of the leaf types views hold.
        func leaf<T>(_ value: T) -> Bool {
            if T.self == String.self { sink.digest.tag(Tag.string.rawValue); sink.digest.add(value as! String) }
            else if T.self == Bool.self { sink.digest.tag(Tag.bool.rawValue); sink.digest.add(value as! Bool) }
            else if T.self == Int.self { sink.digest.tag(Tag.int.rawValue); sink.digest.add(value as! Int) }
            else if T.self == Double.self { sink.digest.tag(Tag.double.rawValue); sink.digest.add((value as! Double).bitPattern) }
            else if T.self == Decimal.self { sink.digest.tag(Tag.decimal.rawValue); sink.digest.add("\(value as! Decimal)") }
            else { return false }
            return true
        }

        func encodeNil() { sink.digest.tag(Tag.null.rawValue) }

        /// Marks where the next value sits (its depth, and its key or index) and returns the
        /// level it is encoded at.
        func child(_ tag: Tag, _ key: String) -> Node {
            sink.digest.tag(tag.rawValue)
            sink.digest.add(depth)
            sink.digest.add(key)
            return Node(sink: sink, depth: depth + 1)
        }
    }

    /// Where a value encodes itself as one value: a number of another type (`UInt8`, `Float`)
    /// is fed as its text, since its own `encode(to:)` would only come back here.
    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [CodingKey] { node.codingPath }
        mutating func encodeNil() throws { node.encodeNil() }
        mutating func encode<T: Encodable>(_ value: T) throws {
            if node.leaf(value) { return }
            if T.self is any BinaryInteger.Type || T.self is any BinaryFloatingPoint.Type {
                node.sink.digest.tag(Tag.number.rawValue)
                node.sink.digest.add("\(value)")
            } else {
                try value.encode(to: node)
            }
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [CodingKey] { node.codingPath }
        var count = 0

        init(node: Node) { self.node = node }

        mutating func next() -> Node {
            count += 1
            return node.child(.element, String(count - 1))
        }
        mutating func encodeNil() throws { next().encodeNil() }
        mutating func encode<T: Encodable>(_ value: T) throws { try next().encodeValue(value) }
        mutating func nestedContainer<K: CodingKey>(keyedBy keyType: K.Type) -> KeyedEncodingContainer<K> {
            next().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { next().unkeyedContainer() }
        mutating func superEncoder() -> Encoder { next() }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [CodingKey] { node.codingPath }

        func child(_ key: CodingKey) -> Node { node.child(.key, key.stringValue) }

        mutating func encodeNil(forKey key: Key) throws { child(key).encodeNil() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).encodeValue(value) }
        mutating func nestedContainer<K: CodingKey>(keyedBy keyType: K.Type, forKey key: Key) -> KeyedEncodingContainer<K> {
            child(key).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { child(key).unkeyedContainer() }
        mutating func superEncoder() -> Encoder { node.child(.key, "super") }
        mutating func superEncoder(forKey key: Key) -> Encoder { child(key) }
    }

    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(_ i: Int) { intValue = i }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }
}
