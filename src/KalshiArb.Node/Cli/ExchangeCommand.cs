using System.CommandLine;
using System.Net;
using KalshiArb.Domain.Primitives;
using KalshiArb.Exchange;
using KalshiArb.Exchange.Accounts;

namespace KalshiArb.Node.Cli;

/// <summary>`exchange`: the local Kalshi-compatible simulator on its own, for manual testing and other clients.</summary>
public static class ExchangeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on the bind address (0 = any free port)", DefaultValueFactory = _ => 8787 };
        var bind = new Option<string>("--bind") { Description = "IP address to listen on (0.0.0.0 inside a container)", DefaultValueFactory = _ => "127.0.0.1" };
        var advertisedHost = new Option<string?>("--advertised-host") { Description = "host name clients use, printed in the URLs (default: the bind address, 127.0.0.1 for 0.0.0.0)" };
        var seed = new Option<int>("--seed") { Description = "seed for fair-value drift, liquidity and faults", DefaultValueFactory = _ => 1 };
        var tickMs = new Option<int>("--tick-ms") { Description = "market tick interval in ms", DefaultValueFactory = _ => 250 };
        var keyDir = new Option<string>("--key-dir") { Description = "where the demo account's key pair is kept", DefaultValueFactory = _ => Path.Combine("data", "sim-keys") };
        var balance = new Option<long>("--balance") { Description = "starting balance of the demo account in dollars", DefaultValueFactory = _ => 10_000 };

        var cmd = new Command("exchange", "Run the local Kalshi-compatible exchange simulator (REST + WebSocket) until Ctrl-C");
        cmd.Options.Add(port);
        cmd.Options.Add(bind);
        cmd.Options.Add(advertisedHost);
        cmd.Options.Add(seed);
        cmd.Options.Add(tickMs);
        cmd.Options.Add(keyDir);
        cmd.Options.Add(balance);
        cmd.SetAction(async (parse, ct) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(bind), out var bindAddress))
            {
                await Console.Error.WriteLineAsync($"--bind '{parse.GetValue(bind)}' is not an IP address (use 127.0.0.1, 0.0.0.0, ::)");
                return 2;
            }
            var advertised = parse.GetValue(advertisedHost);
            if (advertised is not null && Uri.CheckHostName(advertised) == UriHostNameType.Unknown)
            {
                await Console.Error.WriteLineAsync($"--advertised-host '{advertised}' is not a valid host name or IP address");
                return 2;
            }
            var key = Hosting.SimulatorAccountKey.LoadOrCreate(parse.GetValue(keyDir)!);
            var options = new SimulatorOptions
            {
                Port = parse.GetValue(port),
                BindAddress = bindAddress,
                AdvertisedHost = advertised,
                Seed = parse.GetValue(seed),
                TickInterval = TimeSpan.FromMilliseconds(Math.Max(1, parse.GetValue(tickMs))),
                Accounts = [new SimAccount(key.KeyId, key.PublicKeyPem, Money.FromDollars(parse.GetValue(balance)))],
                ConsoleLogging = true,
            };
            await ExchangeSimulator.RunAsync(options, ct, sim =>
            {
                Console.WriteLine($"simulator REST  {sim.RestBaseUrl}");
                Console.WriteLine($"simulator WS    {sim.WsUrl}");
                Console.WriteLine($"odds API        {sim.OddsApiBaseUrl} (key sim-odds-key)");
                Console.WriteLine($"admin           {sim.AdminUrl} (loopback callers only)");
                Console.WriteLine($"listening on    {sim.ListenAddress}:{sim.Port}");
                Console.WriteLine($"account         KALSHI_API_KEY_ID={key.KeyId} KALSHI_PRIVATE_KEY_PATH={key.PrivateKeyPath}");
                Console.WriteLine("Ctrl-C stops it.");
            });
            return 0;
        });
        return cmd;
    }
}
