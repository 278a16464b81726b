using Akka.Actor;
using KalshiArb.Domain.Pnl;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// The node's latest P&amp;L as every surface shows it, plus its history: one point per status refresh at most every
/// <see cref="PointInterval"/>, the newest <see cref="PointsKept"/> of them (four hours at 5 s). One per actor system
/// (an Akka extension), so status, the admin endpoint and the metrics read the same figures; thread-safe, and
/// <see cref="Latest"/> is a plain read for gauges (<c>Func&lt;AdminPnlStatus?&gt; read = tracker.Read</c>).
/// </summary>
public sealed class PnlTracker : IExtension
{
    public const int PointsKept = 2_880;
    public static readonly TimeSpan PointInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Queue<AdminPnlPoint> _points = new();
    private AdminPnlStatus? _latest;
    private DateTimeOffset? _lastPointAt;

    public static PnlTracker Get(ActorSystem system) => system.WithExtension<PnlTracker, PnlTrackerProvider>();

    /// <summary>The last P&amp;L recorded; null until the order desk first answered.</summary>
    public AdminPnlStatus? Latest => Volatile.Read(ref _latest);

    /// <summary><see cref="Latest"/> as a delegate, for code that polls (metrics gauges).</summary>
    public AdminPnlStatus? Read() => Latest;

    /// <summary>Turns the desk's book and the marks found into the status shape, adds a history point when one is due.</summary>
    public AdminPnlStatus Record(PnlBook book, IReadOnlyDictionary<string, PnlMark> marks, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(book);
        var status = Build(book, marks, []);
        var total = PnlLines.Total(book.Positions, marks);
        lock (_gate)
        {
            if (_lastPointAt is not { } last || at - last >= PointInterval)
            {
                _lastPointAt = at;
                _points.Enqueue(new AdminPnlPoint(at, total.Realized.ToWire(), (total.Realized + total.UnrealizedAtMid)?.ToWire()));
                while (_points.Count > PointsKept) _points.Dequeue();
            }
            status = status with { History = _points.ToArray() };
            Volatile.Write(ref _latest, status);
        }
        return status;
    }

    /// <summary>The status shape of a book without history (a node whose tracker is not at hand).</summary>
    public static AdminPnlStatus Build(PnlBook book, IReadOnlyDictionary<string, PnlMark> marks, IReadOnlyList<AdminPnlPoint> history)
    {
        ArgumentNullException.ThrowIfNull(book);
        var positions = book.Positions;
        return new AdminPnlStatus(Line(PnlLines.Total(positions, marks)), PnlLines.Games(positions, marks).Select(Line).ToArray(),
            PnlLines.Markets(positions, marks).Select(Line).ToArray(), history)
        {
            Strategies = (book.Strategies ?? []).Select(s => new AdminStrategyLine(s.StrategyId, s.OrdersFilled, s.OrdersEnded,
                s.Realized.ToWire(), s.Fees.ToWire())).ToArray(),
        };
    }

    private static AdminPnlLine Line(PnlLine l) =>
        new(l.Key, l.Contracts.ToWire(), l.Realized.ToWire(), l.Fees.ToWire(), l.UnrealizedAtMid?.ToWire(), l.UnrealizedAtFair?.ToWire());
}

public sealed class PnlTrackerProvider : ExtensionIdProvider<PnlTracker>
{
    public override PnlTracker CreateExtension(ExtendedActorSystem system) => new();
}
