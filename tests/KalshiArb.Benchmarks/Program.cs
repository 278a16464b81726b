using BenchmarkDotNet.Running;
using KalshiArb.Benchmarks;

// `ingest` runs the load harness (messages/s and tick→decision latency); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "ingest")
{
    var markets = args.Length > 1 ? int.Parse(args[1]) : 5_000;
    var messages = args.Length > 2 ? int.Parse(args[2]) : 2_000_000;
    IngestHarness.Run(markets, messages);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(IngestHarness).Assembly).Run(args);
