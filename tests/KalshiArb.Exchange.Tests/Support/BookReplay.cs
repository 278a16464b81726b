namespace KalshiArb.Exchange.Tests.Support;

/// <summary>Rebuilds a book from orderbook_snapshot/delta frames, checking seq continuity per sid.</summary>
public sealed class BookReplay
{
    private readonly Dictionary<string, SortedDictionary<decimal, decimal>> _sides = new()
    {
        ["yes"] = new(),
        ["no"] = new(),
    };

    public long LastSeq { get; private set; }
    public int Deltas { get; private set; }

    public void Apply(JsonElement frame)
    {
        var type = frame.GetProperty("type").GetString();
        var seq = frame.GetProperty("seq").GetInt64();
        var msg = frame.GetProperty("msg");
        if (type == "orderbook_snapshot")
        {
            foreach (var side in _sides.Values) side.Clear();
            Load(_sides["yes"], msg.GetProperty("yes_dollars_fp"));
            Load(_sides["no"], msg.GetProperty("no_dollars_fp"));
        }
        else
        {
            Assert.Equal(LastSeq + 1, seq);
            var book = _sides[msg.GetProperty("side").GetString()!];
            var price = decimal.Parse(msg.GetProperty("price_dollars").GetString()!);
            var size = book.GetValueOrDefault(price) + decimal.Parse(msg.GetProperty("delta_fp").GetString()!);
            Assert.True(size >= 0, $"level {price} went negative");
            if (size == 0) book.Remove(price);
            else book[price] = size;
            Deltas++;
        }
        LastSeq = seq;
    }

    /// <summary>Levels in Kalshi orderbook order (ascending), as "price:size" strings for easy comparison.</summary>
    public List<string> Levels(string side) => _sides[side].Select(kv => $"{kv.Key:0.0000}:{kv.Value:0.00}").ToList();

    public static List<string> FromRest(JsonElement levels) =>
        levels.EnumerateArray().Select(l => $"{decimal.Parse(l[0].GetString()!):0.0000}:{decimal.Parse(l[1].GetString()!):0.00}").ToList();

    private static void Load(SortedDictionary<decimal, decimal> side, JsonElement levels)
    {
        foreach (var l in levels.EnumerateArray()) side[decimal.Parse(l[0].GetString()!)] = decimal.Parse(l[1].GetString()!);
    }
}
