namespace KalshiArb.Benchmarks;

/// <summary>
/// A harness's command line: named options anywhere (<c>--store sqlite|postgres</c>, <c>--pg "&lt;connection string&gt;"</c>,
/// <c>--window N</c>, <c>--round-trips N</c>, <c>--reserve-ahead on|off</c>), then the positional numbers, then whatever words are left (a HOCON overlay
/// for a diagnostic variant).
/// </summary>
public sealed record BenchOptions(
    BenchStoreKind Store,
    string? PostgresServer,
    int? Window,
    int? RoundTrips,
    IReadOnlyList<string> Positional)
{
    /// <summary><c>--alloc-types</c>: sample the runtime's allocation ticks and print the types that allocate most.</summary>
    public bool AllocationTypes { get; init; }

    /// <summary>
    /// <c>--reserve-ahead on|off</c> (kalshiarb.orders.reserve-ahead, on by default): the gate's reservation write and the
    /// order's approval write overlap (on), or run one after the other (off, the design before it).
    /// </summary>
    public bool ReserveAhead { get; init; } = true;

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var store = BenchStoreKind.Sqlite;
        string? pg = null;
        int? window = null, roundTrips = null;
        var allocationTypes = false;
        var reserveAhead = true;
        var rest = new List<string>();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            string Value() => i + 1 < list.Count ? list[++i] : throw new ArgumentException($"{a} needs a value");
            switch (a)
            {
                case "--store":
                    var s = Value();
                    store = s.ToLowerInvariant() switch
                    {
                        "sqlite" => BenchStoreKind.Sqlite,
                        "postgres" or "postgresql" or "pg" => BenchStoreKind.Postgres,
                        _ => throw new ArgumentException($"--store {s}: expected sqlite or postgres"),
                    };
                    break;
                case "--pg":
                    pg = Value();
                    break;
                case "--window":
                    window = int.Parse(Value());
                    break;
                case "--alloc-types":
                    allocationTypes = true;
                    break;
                case "--reserve-ahead":
                    var v = Value();
                    reserveAhead = v.ToLowerInvariant() switch
                    {
                        "on" or "true" => true,
                        "off" or "false" => false,
                        _ => throw new ArgumentException($"--reserve-ahead {v}: expected on or off"),
                    };
                    break;
                case "--round-trips":
                    roundTrips = int.Parse(Value());
                    break;
                default:
                    rest.Add(a);
                    break;
            }
        }
        return new BenchOptions(store, pg, window, roundTrips, rest) { AllocationTypes = allocationTypes, ReserveAhead = reserveAhead };
    }

    /// <summary>The <paramref name="i"/>-th positional number, if it is one; otherwise <paramref name="fallback"/>.</summary>
    public int Number(int i, int fallback) =>
        i < Positional.Count && int.TryParse(Positional[i], out var n) ? n : fallback;

    /// <summary>The positional words after the first <paramref name="numbers"/> numbers: a HOCON overlay (may be empty).</summary>
    public string Overlay(int numbers)
    {
        var skip = 0;
        while (skip < numbers && skip < Positional.Count && int.TryParse(Positional[skip], out _)) skip++;
        return string.Join(' ', Positional.Skip(skip));
    }
}
