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
