/// Events the crew moved from one calendar target to another: gone from one calendar read back and
/// found live in another that did not hold it live. The event's history goes with it: the target it
/// left records it as moved away (never re-created there, not taken as a deletion, so a job's
/// Appointment stays), and the target it reached plans it from the version last written, so a move
/// in time made on the way is seen as the crew's move.
public struct CalendarMoves: Sendable {
    /// One event the crew moved between targets (indexes into the calendar inputs).
    public struct Move: Sendable, Hashable {
        public var uid: String
        public var from: Int
        public var to: Int
    }

    /// The inputs with each moved event's history carried over.
    public var calendars: [RunPlanner.CalendarInput]
    public var moves: [Move]

    public init(_ inputs: [RunPlanner.CalendarInput]) {
        calendars = inputs
        moves = []
        for (from, source) in inputs.enumerated() where source.readsBack {
            for (uid, old) in source.remembered where old.isLive && source.found[uid] == nil {
                let destination = inputs.indices.first { to in
                    let target = inputs[to]
                    guard to != from, target.readsBack, let found = target.found[uid], !found.event.cancelled else { return false }
                    return !(target.remembered[uid]?.isLive ?? false)
                }
                guard let to = destination else { continue }
                var away = old
                away.movedTo = inputs[to].label
                calendars[from].remembered[uid] = away
                var arrived = old
                arrived.movedTo = nil
                calendars[to].remembered[uid] = arrived
                moves.append(Move(uid: uid, from: from, to: to))
            }
        }
        moves.sort { ($0.uid, $0.from) < ($1.uid, $1.from) }
    }

    /// Records each move in the two targets' plans: reported where it left, kept where it arrived.
    public func record(in plans: inout [CalendarPlan]) {
        for move in moves {
            guard let away = calendars[move.from].remembered[move.uid], let arrived = calendars[move.to].remembered[move.uid] else { continue }
            plans[move.from].crewChanges.append(.init(kind: .movedAway, event: away))
            plans[move.from].crewChanges.sort { $0.uid < $1.uid }
            plans[move.to].arrived.append(arrived)
        }
    }
}
