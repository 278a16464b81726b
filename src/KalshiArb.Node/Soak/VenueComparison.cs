using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Soak;

/// <summary>
/// The journal held against the venue, by client order id:
/// lost — a journaled submit the venue never got and the journal does not account for (rejected, expired, denied,
/// canceled before an ack), an acknowledged order the venue does not hold, a venue order the journal lacks, or one the
/// journal ended as never sent (its fills would be tracked by nobody);
/// doubled — two venue orders for one client order id or for one signal;
/// unapproved — a venue order whose journal has no risk approval;
/// late — reached the venue after the order's horizon (SubmitByMs);
/// positions — journal fills per market (YES +, NO −) against the venue's positions, with the orders whose fills differ.
/// </summary>
public sealed record VenueComparison(
    IReadOnlyList<SoakFinding> Lost,
    IReadOnlyList<SoakFinding> Doubled,
    IReadOnlyList<SoakFinding> Unapproved,
    IReadOnlyList<SoakFinding> Late,
    IReadOnlyList<PositionDifference> Positions,
    IReadOnlyList<SoakFinding> FillDifferences)
{
    public bool PositionsEqual => Positions.Count == 0 && FillDifferences.Count == 0;

    public bool Holds => Lost.Count == 0 && Doubled.Count == 0 && Unapproved.Count == 0 && Late.Count == 0 && PositionsEqual;

    public static VenueComparison Compare(IReadOnlyList<JournaledExecution> journal, VenueBook venue)
    {
        var lost = new List<SoakFinding>();
        var doubled = new List<SoakFinding>();
        var unapproved = new List<SoakFinding>();
        var late = new List<SoakFinding>();
        var byId = journal.GroupBy(j => j.ExecutionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var venueByClient = venue.Orders.Where(o => o.ClientOrderId is not null)
            .GroupBy(o => o.ClientOrderId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        foreach (var o in venue.Orders.Where(o => o.ClientOrderId is null))
            lost.Add(new SoakFinding(o.OrderId, "venue order without a client order id, not in the journal"));

        foreach (var (clientId, orders) in venueByClient.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (orders.Length > 1)
                doubled.Add(new SoakFinding(clientId, $"{orders.Length} venue orders: {string.Join(", ", orders.Select(o => o.OrderId))}"));
            if (!byId.TryGetValue(clientId, out var j))
            {
                lost.Add(new SoakFinding(clientId, $"venue order {orders[0].OrderId} is missing in the journal"));
                continue;
            }
            if (!j.RiskApproved) unapproved.Add(new SoakFinding(clientId, $"venue order {orders[0].OrderId}, journal has no risk approval"));
            if (j.SubmitByMs is { } horizon && orders.FirstOrDefault(o => o.CreatedMs > horizon) is { } tooLate)
                late.Add(new SoakFinding(clientId, $"reached the venue {tooLate.CreatedMs - horizon} ms after its horizon"));
            if (j.ExchangeOrderId is { } tracked && orders.All(o => o.OrderId != tracked))
                lost.Add(new SoakFinding(clientId, $"journal tracks venue order {tracked}, the venue holds {string.Join(", ", orders.Select(o => o.OrderId))}"));
            else if (j.AccountsForAbsence)
                lost.Add(new SoakFinding(clientId, $"journal ends {j.FinalState} as if the venue never got it, the venue holds {orders[0].OrderId}"));
        }

        foreach (var j in journal.OrderBy(j => j.ExecutionId, StringComparer.Ordinal))
        {
            if (venueByClient.ContainsKey(j.ExecutionId)) continue;
            if (j.ExchangeOrderId is { } ack)
                lost.Add(new SoakFinding(j.ExecutionId, $"acknowledged as {ack}, the venue does not hold it"));
            else if (j.SubmitRequested && !j.AccountsForAbsence)
                lost.Add(new SoakFinding(j.ExecutionId, $"submit journaled, the venue never got it, journal ends {j.FinalState?.ToString() ?? "unreadable"}"));
        }

        // One signal is one order: a second execution for it that reached the venue is a double.
        foreach (var g in journal.Where(j => j.SignalId is not null && venueByClient.ContainsKey(j.ExecutionId))
                     .GroupBy(j => j.SignalId!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var j in g.Skip(1))
                doubled.Add(new SoakFinding(j.ExecutionId, $"second venue order for signal {g.Key}"));
        }

        var (positions, fillDifferences) = ComparePositions(journal, venue, byId);
        return new VenueComparison(lost, doubled, unapproved, late, positions, fillDifferences);
    }

    private static (IReadOnlyList<PositionDifference>, IReadOnlyList<SoakFinding>) ComparePositions(
        IReadOnlyList<JournaledExecution> journal, VenueBook venue, IReadOnlyDictionary<string, JournaledExecution> byId)
    {
        var journalPositions = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var j in journal.Where(j => j.Ticker is not null && j.FinalState != ExecutionOrderState.Settled))
        {
            var signed = j.Side == OutcomeSide.No ? -j.FilledCount : j.FilledCount;
            journalPositions[j.Ticker!] = journalPositions.GetValueOrDefault(j.Ticker!) + signed;
        }
        var positions = journalPositions.Keys.Union(venue.Positions.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => new PositionDifference(t, journalPositions.GetValueOrDefault(t), venue.Positions.GetValueOrDefault(t)))
            .Where(d => d.Journal != d.Venue)
            .ToArray();

        var venueFilled = venue.Fills.GroupBy(f => f.ClientOrderId ?? f.OrderId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(Quantity.Zero, (a, f) => a + f.Count), StringComparer.Ordinal);
        var fills = venueFilled.Keys.Union(byId.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => (id, journal: byId.TryGetValue(id, out var j) ? j.FilledCount : Quantity.Zero, venue: venueFilled.GetValueOrDefault(id)))
            .Where(x => x.journal != x.venue)
            .Select(x => new SoakFinding(x.id, $"journal filled {x.journal.ToWire()}, venue filled {x.venue.ToWire()}"))
            .ToArray();
        return (positions, fills);
    }
}
