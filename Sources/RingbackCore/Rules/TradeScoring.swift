import Foundation

/// Chooses the trade by score, not by the first keyword found: every service's keywords are matched,
/// the longest match claims its words ("water heater" wins over "heater", "space heater" over "heat"),
/// a keyword several trades share counts for each in part ("leak" for Plumbing and Roofing), a negated
/// mention counts half ("not leaking" is still about plumbing). Ties go to the trade mentioned first.
struct TradeScoring {
    struct Result {
        var service: ServiceRule?
        var reason: String
    }

    let vocabulary: Vocabulary

    func score(_ text: PhraseMatcher) -> Result {
        let claims = self.claims(text)
        guard !claims.isEmpty else { return Result(service: nil, reason: "") }
        var tradeScore: [String: Double] = [:]
        var tradeFirst: [String: Int] = [:]
        var serviceScore: [Int: Double] = [:]
        var heard: [String: [String]] = [:]
        for claim in claims {
            let trade = vocabulary.services[claim.service].rule.trade
            tradeScore[trade, default: 0] += claim.weight
            serviceScore[claim.service, default: 0] += claim.weight
            tradeFirst[trade] = min(tradeFirst[trade] ?? .max, claim.match.range.lowerBound)
            if heard[trade]?.contains(claim.match.heard.lowercased()) != true { heard[trade, default: []].append(claim.match.heard.lowercased()) }
        }
        let order = vocabulary.services.map(\.rule.trade)
        let best = tradeScore.keys.sorted { a, b in
            if tradeScore[a]! != tradeScore[b]! { return tradeScore[a]! > tradeScore[b]! }
            if tradeFirst[a]! != tradeFirst[b]! { return tradeFirst[a]! < tradeFirst[b]! }
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
        let trade = best[0]
        let service = vocabulary.services.indices.filter { vocabulary.services[$0].rule.trade == trade }
            .max { (serviceScore[$0] ?? 0, -$0) < (serviceScore[$1] ?? 0, -$1) }!
        let others = best.dropFirst().prefix(2).map { "\($0) \(Self.format(tradeScore[$0]!))" }
        let against = others.isEmpty ? "" : " over \(others.joined(separator: ", "))"
        return Result(
            service: vocabulary.services[service].rule,
            reason: "\(trade) \(Self.format(tradeScore[trade]!)) from \(heard[trade]!.map(CallerTypeRules.quoted).joined(separator: ", "))\(against)")
    }

    private struct Claim {
        var service: Int
        var match: PhraseMatcher.Match
        var weight: Double
    }

    /// Matches of every service's keywords, longest first, each word claimed once.
    private func claims(_ text: PhraseMatcher) -> [Claim] {
        let tradesByStems = vocabulary.tradesByStems
        var candidates: [(service: Int, phrase: Phrase, match: PhraseMatcher.Match)] = []
        for (index, service) in vocabulary.services.enumerated() {
            for phrase in service.phrases {
                for match in text.matches(phrase) { candidates.append((index, phrase, match)) }
            }
        }
        candidates.sort { ($0.match.range.count, -$0.match.range.lowerBound) > ($1.match.range.count, -$1.match.range.lowerBound) }
        var taken = Set<Int>()
        var claimedBy: [Range<Int>: Set<String>] = [:]
        var claims: [Claim] = []
        for candidate in candidates {
            let range = candidate.match.range
            let trade = vocabulary.services[candidate.service].rule.trade
            if let trades = claimedBy[range] {
                guard !trades.contains(trade) else { continue }
            } else if range.contains(where: taken.contains) {
                continue
            }
            claimedBy[range, default: []].insert(trade)
            taken.formUnion(range)
            let shared = Double(max(tradesByStems[candidate.phrase.stems]?.count ?? 1, 1))
            claims.append(
                Claim(
                    service: candidate.service, match: candidate.match,
                    weight: (candidate.match.negated ? 0.5 : 1) / shared))
        }
        return claims
    }

    static func format(_ score: Double) -> String {
        score == score.rounded() ? String(Int(score)) : String(format: "%.1f", score)
    }
}
