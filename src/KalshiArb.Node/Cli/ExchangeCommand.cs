using System.CommandLine;
using KalshiArb.Domain.Primitives;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;

namespace KalshiArb.Node.Cli;

/// <summary>`exchange`: the local Kalshi-compatible simulator on its own, for manual testing and other clients.</summary>
public static class ExchangeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free port)", DefaultValueFactory = _ => 8787 };
        var seed = new Option<int>("--seed") { Description = "seed for fair-value drift, liquidity and faults", DefaultValueFactory = _ => 1 };
        var tickMs = new Option<int>("--tick-ms") { Description = "market tick interval in ms", DefaultValueFactory = _ => 250 };
        var keyDir = new Option<string>("--key-dir") { Description = "where the demo account's key pair is kept", DefaultValueFactory = _ => Path.Combine("data", "sim-keys") };
        var balance = new Option<long>("--balance") { Description = "starting balance of the demo account in dollars", DefaultValueFactory = _ => 10_000 };

        var cmd = new Command("exchange", "Run the local Kalshi-compatible exchange simulator (REST + WebSocket) until Ctrl-C");
        cmd.Options.Add(port);
        cmd.Options.Add(seed);
        cmd.Options.Add(tickMs);
        cmd.Options.Add(keyDir);
        cmd.Options.Add(balance);
        cmd.SetAction(async (parse, ct) =>
        {
            var key = Hosting.SimulatorAccountKey.LoadOrCreate(parse.GetValue(keyDir)!);
            var options = new SimulatorOptions
            {
                Port = parse.GetValue(port),
                Seed = parse.GetValue(seed),
                TickInterval = TimeSpan.FromMilliseconds(Math.Max(1, parse.GetValue(tickMs))),
                Accounts = [new SimAccount(key.KeyId, key.PublicKeyPem, Money.FromDollars(parse.GetValue(balance)))],
                ConsoleLogging = true,
            };
            await ExchangeSimulator.RunAsync(options, ct, sim =>
            {
                Console.WriteLine($"simulator REST  {sim.RestBaseUrl}");
                Console.WriteLine($"simulator WS    {sim.WsUrl}");
                Console.WriteLine($"admin           {sim.AdminUrl}");
                Console.WriteLine($"account         KALSHI_API_KEY_ID={key.KeyId} KALSHI_PRIVATE_KEY_PATH={key.PrivateKeyPath}");
                Console.WriteLine("Ctrl-C stops it.");
            });
            return 0;
        });
        return cmd;
    }
}
