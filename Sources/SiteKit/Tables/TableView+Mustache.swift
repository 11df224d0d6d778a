import Mustache

// Table cells are the hottest lookups of the whole site (a table 三 has about 200 cells,
// each read ten times by the template). Mustache would find each key through `Mirror`,
// which walks every stored property on every lookup; answering by name is several times
// faster. The keys are exactly the stored properties, so the template reads the same.

extension TableCellView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "th": th
        case "attrs": attrs
        case "text": text
        case "empty": empty
        case "emptyLabel": emptyLabel
        case "link": link
        case "plain": plain
        case "href": href
        case "hasUnit": hasUnit
        case "unit": unit
        case "warn": warn
        case "misprint": misprint
        case "printed": printed
        case "misprintNote": misprintNote
        default: nil
        }
    }
}

extension PrintedValueView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        case "link": link
        default: nil
        }
    }
}

extension TableRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "attrs": attrs
        case "cells": cells
        case "note": note
        case "noteID": noteID
        case "noteColspan": noteColspan
        case "noteText": noteText
        case "noteHref": noteHref
        case "noteLine": noteLine
        case "noteHasLine": noteHasLine
        default: nil
        }
    }
}

// The table and its bodies are read a few times per table, but every key a row or cell does
// not answer (the table's `id` inside a cell, a section's end) falls through to them: through
// `Mirror` that was a twentieth of the report page's drawing.

extension TableView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "caption": caption
        case "hasHead": hasHead
        case "head": head
        case "bodies": bodies
        case "classes": classes
        case "wide": wide
        default: nil
        }
    }
}

extension TableBodyView: MustacheParent {
    func child(named name: String) -> Any? {
        name == "rows" ? rows : nil
    }
}

extension NoteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "href": href
        case "line": line
        case "hasLine": hasLine
        default: nil
        }
    }
}
