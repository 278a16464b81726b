using BenchmarkDotNet.Running;
using KalshiArb.Benchmarks;

// Load harnesses (print figures):
//   ingest [markets] [messages]
//   submit-region [steadyCount=3000] [ratePerSecond=100] [burstCount=50] [HOCON overlay...]   (`submit` is the same)
//       target (a): the production order path in a one-member cluster, signal -> venue call; last line "target (a): MET|NOT MET ..."
//   lifecycles [seconds=60] [--window N=400] [HOCON overlay...]
//       target (b): complete lifecycles (signal -> filled, every event durable) per second, closed loop; last line "lifecycles/s: N"
//   recovery [orders=500]
//       a child process places the orders (resting), is killed with SIGKILL, and the path restarts on its journal:
//       how long until every order is back and reconciled; last line "recovery: ..."
//   memory [markets]
//   recording [markets=20] [minutes=60]   the recording store on a generated recording: size, write and read throughput, codecs
//   replay [markets=20] [minutes=60]   a generated recording replayed at max speed through `kalshiarb replay`'s code (paper node,
//       fresh journal): records, wall time, messages/s, GC in the run (--alloc-types: the types that allocate most);
//       last line "target (replay): MET|NOT MET ..." (>= 100,000 msg/s in <= 60 s)
// submit-region and lifecycles take, anywhere in the arguments: --store sqlite|postgres (default sqlite: a temp file in
// WAL mode), --pg "<connection string>" (the PostgreSQL server; else KA_PG_CONNECTION; a database ka_bench_<guid> is
// created for the run and dropped at its end), and for submit-region --round-trips N (the design's durable round trips
// before the venue call, printed beside the breakdown). Words left after the numbers are a HOCON overlay placed above
// the shipped config for a diagnostic variant. Anything else goes to BenchmarkDotNet.
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;

switch (args.Length > 0 ? args[0] : "")
{
    case "ingest":
        IngestHarness.Run(Arg(1, 5_000), Arg(2, 2_000_000));
        return;
    case "submit" or "submit-region":
        await SubmitHarness.Run(BenchOptions.Parse(args.Skip(1)));
        return;
    case "lifecycles":
        await LifecycleHarness.Run(BenchOptions.Parse(args.Skip(1)));
        return;
    case "recovery":
        await RecoveryHarness.Run(BenchOptions.Parse(args.Skip(1)));
        return;
    case "recovery-child":
        await RecoveryHarness.RunChild(args[1], args[2], int.Parse(args[3]));
        return;
    case "recording":
        RecordingHarness.Run(Arg(1, 20), Arg(2, 60));
        return;
    case "replay":
        await ReplayHarness.Run(Arg(1, 20), Arg(2, 60), args.Contains("--alloc-types"));
        return;
    case "memory":
        await MemoryHarness.Run(Arg(1, 5_000));
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(IngestHarness).Assembly).Run(args);
        return;
}
