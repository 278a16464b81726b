using KalshiArb.Domain.Audit;

namespace KalshiArb.Node.Audit;

/// <summary>
/// Audits journaled orders: journal damage (unreadable rows, foreign events, sequence gaps) plus the Domain
/// <see cref="OrderAuditor"/> rules over the readable events, with the fee rule of the order's series.
/// </summary>
public static class JournalAuditor
{
    public static AuditRun AuditAll(IEnumerable<JournaledOrder> orders, bool requireTerminal)
    {
        var results = orders.Select(o => Audit(o, requireTerminal)).ToArray();
        return new AuditRun(results, AuditSummary.Of(results));
    }

    public static OrderAuditResult Audit(JournaledOrder order, bool requireTerminal)
    {
        var findings = new List<AuditFinding>();
        var expected = 1L;
        foreach (var entry in order.Entries)
        {
            if (entry.SequenceNr > expected)
            {
                findings.Add(new AuditFinding(nameof(JournalFaultKind.SequenceGap), entry.SequenceNr,
                    expected == entry.SequenceNr - 1 ? $"seq {expected} is missing" : $"seq {expected}..{entry.SequenceNr - 1} are missing"));
            }
            expected = entry.SequenceNr + 1;
            if (entry.Event is null)
            {
                var kind = entry.Fault?.StartsWith("not an order event", StringComparison.Ordinal) == true
                    ? JournalFaultKind.UnexpectedEvent
                    : JournalFaultKind.UnreadableEvent;
                findings.Add(new AuditFinding(kind.ToString(), entry.SequenceNr, entry.Fault ?? "unreadable"));
            }
        }

        var ticker = order.Entries.Select(e => e.Event).OfType<OrderCreatedEvent>().FirstOrDefault()?.Ticker;
        var fees = FeeRule.ForTicker(ticker);
        var timeline = order.Entries
            .Where(e => e.Event is not null)
            .Select(e => new AuditedEvent(e.SequenceNr, e.TimestampMs, e.Event!.ToDomain()))
            .ToArray();
        var report = OrderAuditor.Audit(order.ExecutionId, timeline, fees.Schedule, requireTerminal);
        findings.AddRange(report.Violations.Select(v => new AuditFinding(v.Kind.ToString(), v.SequenceNr, v.Detail)));
        // Stable by position: journal faults stay ahead of the rule violations they explain.
        return new OrderAuditResult(order, ticker, fees, report, findings.OrderBy(f => f.SequenceNr).ToArray());
    }
}
