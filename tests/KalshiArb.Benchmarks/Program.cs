using BenchmarkDotNet.Running;
using KalshiArb.Benchmarks;

// Load harnesses (print figures): `ingest [markets] [messages]`, `submit-region [steadyCount] [ratePerSecond] [burstCount]`
// (the production order path in a one-member cluster; `submit` is the same), `memory [markets]`. For `submit-region`,
// any words after the three numbers are a HOCON overlay for a diagnostic variant. Anything else goes to BenchmarkDotNet.
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;

switch (args.Length > 0 ? args[0] : "")
{
    case "ingest":
        IngestHarness.Run(Arg(1, 5_000), Arg(2, 2_000_000));
        return;
    case "submit" or "submit-region":
        await SubmitHarness.Run(Arg(1, 2_000), Arg(2, 200), Arg(3, 1_000), string.Join(' ', args.Skip(4)));
        return;
    case "memory":
        await MemoryHarness.Run(Arg(1, 5_000));
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(IngestHarness).Assembly).Run(args);
        return;
}
