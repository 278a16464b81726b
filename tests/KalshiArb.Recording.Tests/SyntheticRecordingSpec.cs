using System.Globalization;
using System.Text.Json;
using KalshiArb.Recording.Index;
using KalshiArb.Recording.Synthetic;

namespace KalshiArb.Recording.Tests;

public sealed class SyntheticRecordingSpec
{
    private static readonly SyntheticRecordingOptions Small = new() { Markets = 5, Minutes = 3, Seed = 42 };

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.GetFiles(dir).ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes);

    [Fact]
    public void The_same_seed_writes_byte_identical_files_and_another_seed_does_not()
    {
        using var dir = new TempDirectory();
        var writer = new RecordingWriterOptions { SegmentBytes = 256 * 1024 };
        SyntheticRecording.Write(dir.Sub("a"), Small, writer);
        SyntheticRecording.Write(dir.Sub("b"), Small, writer);
        SyntheticRecording.Write(dir.Sub("c"), Small with { Seed = 43 }, writer);
        var a = Files(dir.Sub("a"));
        var b = Files(dir.Sub("b"));
        Assert.True(a.Count >= 3, $"{a.Count} files"); // two or more segments and the index
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, kv => Assert.Equal(kv.Value, b[kv.Key]));
        Assert.NotEqual(a["seg-000001.karec"], Files(dir.Sub("c"))["seg-000001.karec"]);
    }

    [Fact]
    public void Frames_are_kalshi_shaped_with_consecutive_seq_and_books_that_stay_whole()
    {
        using var dir = new TempDirectory();
        var result = SyntheticRecording.Write(dir.Path, Small);
        Assert.Equal(5, result.Tickers.Count);
        Assert.Equal(5, result.Tickers.Distinct().Count());
        Assert.All(result.Tickers, t => Assert.Matches("^KXNBAGAME-26DEC07[A-Z]{6}-[A-Z]{3}$", t));

        using var reader = RecordingReader.Open(dir.Path);
        var books = new Dictionary<string, Dictionary<string, long>>();
        long seq = 0, frames = 0, odds = 0;
        var types = new Dictionary<string, int>();
        var oddsTimes = new List<long>();
        long previousTicks = 0;
        while (reader.TryRead(out var m))
        {
            Assert.True(m.ReceivedUtcTicks >= previousTicks, "receive order");
            previousTicks = m.ReceivedUtcTicks;
            using var doc = JsonDocument.Parse(m.Payload);
            var root = doc.RootElement;
            if (m.Kind == RecordKind.OddsSnapshot)
            {
                odds++;
                oddsTimes.Add(m.ReceivedUtcTicks);
                Assert.Equal(SyntheticMarketData.SportKey, m.KeyText);
                Assert.Equal(3, root.GetArrayLength()); // 5 markets = 3 games
                foreach (var game in root.EnumerateArray())
                {
                    Assert.Equal("basketball_nba", game.GetProperty("sport_key").GetString());
                    Assert.Equal(4, game.GetProperty("bookmakers").GetArrayLength());
                    var outcomes = game.GetProperty("bookmakers")[0].GetProperty("markets")[0].GetProperty("outcomes");
                    Assert.Equal(game.GetProperty("home_team").GetString(), outcomes[0].GetProperty("name").GetString());
                    Assert.True(DateTimeOffset.TryParse(game.GetProperty("commence_time").GetString(), CultureInfo.InvariantCulture, out _));
                }
                continue;
            }
            frames++;
            Assert.Equal(RecordKind.MarketDataFrame, m.Kind);
            var type = root.GetProperty("type").GetString()!;
            types[type] = types.GetValueOrDefault(type) + 1;
            if (type == "subscribed") continue;
            var msg = root.GetProperty("msg");
            var ticker = msg.GetProperty("market_ticker").GetString()!;
            Assert.Equal(ticker, m.KeyText);
            switch (type)
            {
                case "orderbook_snapshot":
                    Assert.Equal(++seq, root.GetProperty("seq").GetInt64());
                    Assert.False(books.ContainsKey(ticker));
                    var book = new Dictionary<string, long>();
                    foreach (var side in new[] { "yes", "no" })
                        foreach (var level in msg.GetProperty(side + "_dollars_fp").EnumerateArray())
                            book[side + level[0].GetString()] = Hundredths(level[1].GetString()!);
                    books[ticker] = book;
                    break;
                case "orderbook_delta":
                    Assert.Equal(++seq, root.GetProperty("seq").GetInt64());
                    var key = msg.GetProperty("side").GetString() + msg.GetProperty("price_dollars").GetString();
                    var levels = books[ticker]; // a snapshot came first
                    levels[key] += Hundredths(msg.GetProperty("delta_fp").GetString()!);
                    Assert.True(levels[key] >= 100, $"{ticker} {key} fell to {levels[key]}");
                    break;
                case "trade":
                    Assert.Equal(100, Cents(msg.GetProperty("yes_price_dollars").GetString()!) + Cents(msg.GetProperty("no_price_dollars").GetString()!));
                    Assert.False(root.TryGetProperty("seq", out _));
                    break;
                case "ticker":
                    Assert.True(Cents(msg.GetProperty("yes_bid_dollars").GetString()!) < Cents(msg.GetProperty("yes_ask_dollars").GetString()!));
                    break;
                default:
                    Assert.Fail($"unexpected frame type {type}");
                    break;
            }
        }
        Assert.Equal(ReadStatus.Complete, reader.Status);
        Assert.Equal(3, types["subscribed"]);
        Assert.Equal(5, types["orderbook_snapshot"]);
        // 5 markets × 3 minutes × (1200 deltas + 60 trades + 30 tickers) a minute, within 5 %
        Assert.InRange(frames, 5 * 3 * 1290 * 95 / 100, 5 * 3 * 1290 * 105 / 100);
        Assert.True(types["trade"] > 500 && types["ticker"] > 250, string.Join(", ", types));
        Assert.Equal(6, odds); // 0, 30, ..., 150 s
        Assert.All(oddsTimes.Zip(oddsTimes.Skip(1)), p => Assert.Equal(TimeSpan.FromSeconds(30).Ticks, p.Second - p.First));
        Assert.Equal(result.Records, frames + odds);

        var index = RecordingIndexFile.TryLoad(dir.Path)!;
        Assert.Equal(result.Tickers.Order(StringComparer.Ordinal), index.Markets);
        Assert.Equal(result.Records, index.Records);
    }

    private static long Hundredths(string fixedPoint) => long.Parse(fixedPoint.Replace(".", ""), CultureInfo.InvariantCulture);

    private static int Cents(string dollars) => (int)(long.Parse(dollars.Replace(".", ""), CultureInfo.InvariantCulture) / 100);
}
