import Foundation
import RingbackCore
import RingbackJSON

/// JSON coding of the sheet rows and calendar events kept per target, through `RingbackJSON` both ways.
/// Cells are keyed by `SheetColumn`'s stable key, so renaming a header never touches the state;
/// instants are seconds since 2001-01-01, as the first release stored them.
enum SyncedPayloadCoding {
    static func encode(_ row: SyncedRow) -> String {
        var cells: [String: JSONValue] = [:]
        for (column, value) in row.cells.values { cells[column.rawValue] = .string(value) }
        var pins: [String: JSONValue] = [:]
        for (column, value) in row.pins { pins[column.rawValue] = .string(value) }
        var fields: [String: JSONValue] = [
            "leadID": .string(row.leadID), "cells": .object(cells), "pins": .object(pins),
            "deletedByOffice": .bool(row.deletedByOffice),
        ]
        if let reopenedAt = row.reopenedAt { fields["reopenedAt"] = instant(reopenedAt) }
        if row.archived { fields["archived"] = .bool(true) }
        if row.appointmentFromCrew { fields["appointmentFromCrew"] = .bool(true) }
        if !row.offered.isEmpty {
            fields["offered"] = .array(row.offered.map { .array([instant($0.start), instant($0.end), .string($0.crew)]) })
        }
        return JSONValue.object(fields).text
    }

    /// Sheet rows are read by the ten thousand on every run: straight from the JSON bytes.
    /// A key that names no column (written by a later release) is left out.
    static func decodeRow(from text: String) throws -> SyncedRow {
        let value = try JSONValue.parse(Array(text.utf8))
        guard let leadID = value["leadID"]?.string, let cells = value["cells"]?.object, let pins = value["pins"]?.object,
            let deleted = value["deletedByOffice"]?.bool
        else {
            throw JSONParseError(message: "expected leadID, cells, pins and deletedByOffice")
        }
        var row = SyncedRow(leadID: leadID, cells: SheetCells(), deletedByOffice: deleted, archived: value["archived"]?.bool ?? false)
        if let seconds = value["reopenedAt"]?.number { row.reopenedAt = Date(timeIntervalSinceReferenceDate: seconds) }
        row.appointmentFromCrew = value["appointmentFromCrew"]?.bool ?? false
        for window in value["offered"]?.array ?? [] {
            guard let parts = window.array, parts.count == 3, let start = parts[0].number, let end = parts[1].number, let crew = parts[2].string
            else { continue }
            row.offered.append(
                OfferedWindow(start: Date(timeIntervalSinceReferenceDate: start), end: Date(timeIntervalSinceReferenceDate: end), crew: crew))
        }
        for (key, value) in cells {
            guard let column = SheetColumn(rawValue: key) else { continue }
            row.cells[column] = try Self.text(value, key)
        }
        for (key, value) in pins {
            guard let column = SheetColumn(rawValue: key) else { continue }
            row.pins[column] = try Self.text(value, key)
        }
        return row
    }

    static func encode(_ synced: SyncedEvent) -> String {
        let e = synced.event
        let event: JSONValue = [
            "uid": .string(e.uid), "leadID": .string(e.leadID), "kind": .string(e.kind.rawValue), "title": .string(e.title),
            "details": .string(e.details), "location": .string(e.location), "start": instant(e.start), "end": instant(e.end),
            "owner": .string(e.owner), "cancelled": .bool(e.cancelled),
        ]
        var object: [String: JSONValue] = ["event": event, "sequence": .number(Double(synced.sequence)), "revisedAt": instant(synced.revisedAt)]
        if synced.removedByCrew { object["removedByCrew"] = .bool(true) }
        if let times = synced.crewTimes { object["crewTimes"] = .array([instant(times.start), instant(times.end)]) }
        if let movedTo = synced.movedTo { object["movedTo"] = .string(movedTo) }
        return JSONValue.object(object).text
    }

    static func decodeEvent(from text: String) throws -> SyncedEvent {
        let value = try JSONValue.parse(Array(text.utf8))
        guard let e = value["event"], let sequence = value["sequence"]?.int, let revisedAt = value["revisedAt"]?.number else {
            throw JSONParseError(message: "expected event, sequence and revisedAt")
        }
        func field(_ key: String) throws -> String {
            guard let text = e[key]?.string else { throw JSONParseError(message: "event field `\(key)` is missing or not text") }
            return text
        }
        guard let kind = EventKind(rawValue: try field("kind")) else { throw JSONParseError(message: "event kind `\(try field("kind"))` is unknown") }
        guard let start = e["start"]?.number, let end = e["end"]?.number, let cancelled = e["cancelled"]?.bool else {
            throw JSONParseError(message: "expected event start, end and cancelled")
        }
        let event = CalendarEvent(
            uid: try field("uid"), leadID: try field("leadID"), kind: kind, title: try field("title"), details: try field("details"),
            location: try field("location"), start: Date(timeIntervalSinceReferenceDate: start),
            end: Date(timeIntervalSinceReferenceDate: end), owner: try field("owner"), cancelled: cancelled)
        var synced = SyncedEvent(event: event, sequence: sequence, revisedAt: Date(timeIntervalSinceReferenceDate: revisedAt))
        synced.removedByCrew = value["removedByCrew"]?.bool ?? false
        synced.movedTo = value["movedTo"]?.string
        if let times = value["crewTimes"]?.array, times.count == 2, let start = times[0].number, let end = times[1].number, end >= start {
            synced.crewTimes = DateInterval(
                start: Date(timeIntervalSinceReferenceDate: start), end: Date(timeIntervalSinceReferenceDate: end))
        }
        return synced
    }

    private static func instant(_ date: Date) -> JSONValue { .number(date.timeIntervalSinceReferenceDate) }

    private static func text(_ value: JSONValue, _ key: String) throws -> String {
        guard let text = value.string else { throw JSONParseError(message: "cell `\(key)` is not text") }
        return text
    }
}
