import Mustache

/// A theme's templates as swift-mustache parsed them, taken over into our own tree once per
/// build, and rendered without swift-mustache's per-lookup reflection.
///
/// swift-mustache finds every `{{key}}` by casting each object of its context stack to
/// `MustacheCustomRepresentation` and `MustacheParent` (dynamic casts to protocols), and
/// copies the stack for every section and every element of a list: that was 14.5 % of a full
/// build's CPU (issue 10). Here each object is classified once, when it is pushed (`Scope`),
/// and the stack is one array pushed and popped in place.
///
/// The parsing stays swift-mustache's: its tokens (text with the standalone lines already
/// cut, sections, partials with their indentation, the content-type pragma) are read from
/// the parsed `MustacheTemplate` through `Mirror`, its one public way in. Rendering follows
/// `MustacheTemplate.renderToken` step for step (the same lookup up the stack, dotted names,
/// the indentation of partials, the content type each template and partial starts with),
/// so a template renders the same bytes; `TemplateProgramTests` compares both on every
/// template of the default theme and on each kind of tag. A template using what this does
/// not take over (transforms such as `{{uppercased(x)}}`, `{{$block}}` inheritance, dynamic
/// partials) makes `compile` return `nil`, and the theme renders through swift-mustache.
///
/// The values are the page views' (`TemplateView`): strings, numbers, booleans, lists, views,
/// and optionals of them. A view never answers with a lambda or a template (the two things
/// swift-mustache would call back into), so those are not handled.
struct TemplateProgram: Sendable {
    /// A key as written: `.` (the current object), `.a.b` (from the current object only) or
    /// `a.b` (the first object up the stack that has `a`).
    struct Name: Sendable {
        enum Start: Sendable { case current, top, stack }
        let start: Start
        let parts: [String]

        init(_ name: String) {
            if name == "." {
                start = .current
                parts = []
            } else {
                start = name.first == "." ? .top : .stack
                parts = name.split(separator: ".").map(String.init)
            }
        }
    }

    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        case partial(String, indentation: String?)
        case contentType(any MustacheContentType)
    }

    let templates: [String: [Node]]
    /// swift-mustache's default escaper, which every template and partial starts with.
    let defaultContentType: any MustacheContentType

    /// The program of `templates`, or `nil` when one of them uses a tag not taken over.
    static func compile(_ templates: [String: MustacheTemplate]) -> TemplateProgram? {
        guard let html = try? MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}"),
              let htmlType = nodes(of: html)?.lazy.compactMap({ if case .contentType(let type) = $0 { type } else { nil } }).first
        else { return nil }
        var compiled: [String: [Node]] = [:]
        for (name, template) in templates {
            guard let nodes = nodes(of: template) else { return nil }
            compiled[name] = nodes
        }
        return TemplateProgram(templates: compiled, defaultContentType: htmlType)
    }

    /// The tokens of `template` (its stored `tokens`) as nodes; `nil` for one not taken over.
    static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else {
            return nil
        }
        var nodes: [Node] = []
        for token in tokens {
            guard let node = node(of: token) else { return nil }
            nodes.append(node)
        }
        return nodes
    }

    private static func node(of token: Any) -> Node? {
        guard let (label, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else { return nil }
        let fields = Mirror(reflecting: payload).children.map { ($0.label ?? "", $0.value) }
        func field(_ name: String) -> Any? { fields.first(where: { $0.0 == name })?.1 }
        func noTransforms() -> Bool { (field("transforms") as? [String])?.isEmpty == true }
        switch label {
        case "text":
            return (payload as? String).map(Node.text)
        case "variable", "unescapedVariable":
            guard let name = field("name") as? String, noTransforms() else { return nil }
            return .variable(Name(name), escaped: label == "variable")
        case "section", "invertedSection":
            guard let name = field("name") as? String, noTransforms(), let inner = field("template") as? MustacheTemplate,
                  let body = nodes(of: inner) else { return nil }
            return .section(Name(name), body, inverted: label == "invertedSection")
        case "partial":
            // The two optionals are read from their `Any` (a cast of `Any?` to `T?` fails on a boxed nil).
            guard let name = field(".0") as? String, let indentation = field("indentation"), let inherits = field("inherits"),
                  Mirror(reflecting: inherits).displayStyle == .optional, Mirror(reflecting: inherits).children.isEmpty
            else { return nil }
            return .partial(name, indentation: indentation as? String)
        case "contentType":
            return (payload as? any MustacheContentType).map(Node.contentType)
        default:
            return nil
        }
    }

    /// `object` rendered with the template `name`, as `MustacheLibrary.render` would; `nil` when
    /// there is no such template.
    func render(_ object: Any, withTemplate name: String) -> String? {
        guard let nodes = templates[name] else { return nil }
        var renderer = Renderer(program: self, stack: [Scope(object)])
        var out = ""
        renderer.render(nodes, contentType: defaultContentType, indentation: nil, into: &out)
        return out
    }
}

/// An object of the context stack, classified once: how its children are found.
private struct Scope {
    enum Lookup {
        case parent(any MustacheParent)
        case mirror(Any)
        case nothing
    }

    let value: Any
    let lookup: Lookup

    /// An object known to answer by name (a page view, a dictionary): no cast.
    init(parent: any MustacheParent) {
        value = parent
        lookup = .parent(parent)
    }

    init(_ value: Any) {
        self.value = value
        // As `getChild`'s `_getImmediateChild`: its representation first, then `MustacheParent`, else `Mirror`.
        let object: Any? = if let custom = value as? MustacheCustomRepresentation { custom.representation } else { value }
        if let parent = object as? MustacheParent {
            lookup = .parent(parent)
        } else if let object {
            lookup = .mirror(object)
        } else {
            lookup = .nothing
        }
    }

    func child(named name: String) -> Any? {
        switch lookup {
        case .parent(let parent): parent.child(named: name)
        case .mirror(let object): Mirror(reflecting: object).mustacheValue(forKey: name)
        case .nothing: nil
        }
    }
}

private struct Renderer {
    let program: TemplateProgram
    var stack: [Scope]

    /// `MustacheTemplate.render(context:)`: with an indentation, each token's text is indented
    /// after a newline of what this template drew so far.
    mutating func render(_ nodes: [TemplateProgram.Node], contentType: any MustacheContentType, indentation: String?,
                         into out: inout String) {
        var contentType = contentType
        if let indentation, !indentation.isEmpty {
            var drawn = ""
            for node in nodes {
                var piece = ""
                render(node, contentType: &contentType, indentation: indentation, into: &piece)
                if !piece.isEmpty, drawn.endsWithNewlineCharacter { drawn += indentation }
                drawn += piece
            }
            out += drawn
        } else {
            for node in nodes { render(node, contentType: &contentType, indentation: indentation, into: &out) }
        }
    }

    /// `MustacheTemplate.renderToken`.
    mutating func render(_ node: TemplateProgram.Node, contentType: inout any MustacheContentType, indentation: String?,
                         into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case let .variable(name, escaped):
            guard let child = lookup(name) else { return }
            // String, Int and Bool conform to none of swift-mustache's protocols: `String(describing:)` of them.
            if let text = child as? String {
                out += escaped ? contentType.escapeText(text) : text
            } else if let number = child as? Int {
                out += escaped ? contentType.escapeText(String(number)) : String(number)
            } else if let child = Self.represented(child) {
                variable(child, escaped: escaped, contentType: contentType, into: &out)
            }
        case let .section(name, body, inverted):
            let child = lookup(name)
            if inverted { invertedSection(child, body, contentType: contentType, indentation: indentation, into: &out) }
            else { section(child, body, contentType: contentType, indentation: indentation, into: &out) }
        case let .partial(name, indented):
            guard let nodes = program.templates[name] else { return }
            let inner = indented.map { (indentation ?? "") + $0 } ?? indentation
            render(nodes, contentType: program.defaultContentType, indentation: inner, into: &out)
        case .contentType(let type):
            contentType = type
        }
    }

    /// A variable's value that is not a string or a number: as `renderToken` shows it.
    private func variable(_ child: Any, escaped: Bool, contentType: any MustacheContentType, into out: inout String) {
            if let renderable = child as? MustacheCustomRenderable {
                out += escaped ? contentType.escapeText(renderable.renderText) : renderable.renderText
            } else {
                let text = String(describing: Self.unwrapped(child))
                out += escaped ? contentType.escapeText(text) : text
            }
    }

    /// `renderSection`.
    private mutating func section(_ child: Any?, _ body: [TemplateProgram.Node], contentType: any MustacheContentType,
                                  indentation: String?, into out: inout String) {
        guard let child else { return }
        if let bool = child as? Bool {
            if bool { render(body, contentType: contentType, indentation: indentation, into: &out) }
            return
        } else if let list = child as? any ParentList {
            for parent in list.parents {
                stack.append(Scope(parent: parent))
                render(body, contentType: contentType, indentation: indentation, into: &out)
                stack.removeLast()
            }
            return
        } else if let parent = child as? any MustacheParent {
            stack.append(Scope(parent: parent))
            render(body, contentType: contentType, indentation: indentation, into: &out)
            stack.removeLast()
            return
        }
        guard let child = Self.represented(child) else { return }
        if let bool = child as? Bool {
            if bool { render(body, contentType: contentType, indentation: indentation, into: &out) }
        } else if let sequence = child as? any MustacheSequence {
            func each<S: Sequence>(_ s: S) {
                for element in s {
                    stack.append(Scope(element))
                    render(body, contentType: contentType, indentation: indentation, into: &out)
                    stack.removeLast()
                }
            }
            each(sequence)
        } else if let null = child as? MustacheCustomRenderable, null.isNull {
            return
        } else {
            stack.append(Scope(child))
            render(body, contentType: contentType, indentation: indentation, into: &out)
            stack.removeLast()
        }
    }

    /// `renderInvertedSection`.
    private mutating func invertedSection(_ child: Any?, _ body: [TemplateProgram.Node], contentType: any MustacheContentType,
                                          indentation: String?, into out: inout String) {
        guard let child else { return render(body, contentType: contentType, indentation: indentation, into: &out) }
        if let bool = child as? Bool {
            if !bool { render(body, contentType: contentType, indentation: indentation, into: &out) }
            return
        } else if let list = child as? any ParentList {
            if list.parents.isEmpty {
                stack.append(Scope(list))
                render(body, contentType: contentType, indentation: indentation, into: &out)
                stack.removeLast()
            }
            return
        } else if child is any MustacheParent {
            return
        }
        guard let child = Self.represented(child) else { return render(body, contentType: contentType, indentation: indentation, into: &out) }
        if let bool = child as? Bool {
            if !bool { render(body, contentType: contentType, indentation: indentation, into: &out) }
        } else if let sequence = child as? any MustacheSequence {
            func isEmpty<S: Sequence>(_ s: S) -> Bool {
                var iterator = s.makeIterator()
                return iterator.next() == nil
            }
            if isEmpty(sequence) {
                stack.append(Scope(sequence))
                render(body, contentType: contentType, indentation: indentation, into: &out)
                stack.removeLast()
            }
        } else if let null = child as? MustacheCustomRenderable, null.isNull {
            render(body, contentType: contentType, indentation: indentation, into: &out)
        }
    }

    /// `getChild` without transforms: the first object up the stack that has the first part of
    /// the name, then each further part from what it gave (the representation is the caller's).
    private func lookup(_ name: TemplateProgram.Name) -> Any? {
        var child: Any?
        switch name.start {
        case .current:
            child = stack.last!.value
        case .top:
            child = Self.descend(name.parts[...], from: stack.last!.value)
        case .stack:
            guard let first = name.parts.first else { child = stack.last!.value; break }
            for scope in stack.reversed() {
                if let found = scope.child(named: first) {
                    child = name.parts.count == 1 ? found : Self.descend(name.parts.dropFirst(), from: found)
                    break
                }
            }
        }
        return child
    }

    /// `getChild`'s last step: an object's `MustacheCustomRepresentation` stands for it. Taken
    /// only past the fast paths: strings, numbers, booleans, views and lists of views have none.
    private static func represented(_ value: Any) -> Any? {
        if let custom = value as? MustacheCustomRepresentation { return custom.representation }
        return value
    }

    /// `_getChild`: each part looked up in what the one before gave.
    private static func descend(_ parts: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for part in parts {
            guard let child = Scope(object).child(named: part) else { return nil }
            object = child
        }
        return object
    }

    /// `unwrapIfAnyContainsOptional`: an optional inside the `Any` is shown as what it holds.
    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? value
    }
}

extension Mirror {
    /// swift-mustache's `Mirror.getValue(forKey:)`: the first child of that label, an optional unwrapped.
    fileprivate func mustacheValue(forKey key: String) -> Any? {
        guard let matched = children.first(where: { $0.label == key }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }
}

extension String {
    /// `string.last == "\n"`: the last Character is a line feed alone (not `\r\n`, one Character).
    fileprivate var endsWithNewlineCharacter: Bool {
        let bytes = utf8
        guard let last = bytes.last, last == 10 else { return false }
        let before = bytes.index(before: bytes.endIndex)
        return before == bytes.startIndex || bytes[bytes.index(before: before)] != 13
    }
}

/// A list whose elements answer by name (an array of page views): a section over it pushes
/// each element without casting it.
private protocol ParentList {
    var parents: [any MustacheParent] { get }
}

extension Array: ParentList where Element: MustacheParent {
    var parents: [any MustacheParent] { map { $0 } }
}
