using System.Text;

namespace KalshiArb.Benchmarks;

/// <summary>
/// Kalshi-shaped WebSocket frames for load runs: one snapshot per market, then deltas with consecutive seq
/// per subscription (best YES bid 0.48, best NO bid 0.51: YES ask 0.49, never crossed) that keep every level positive (adds and removes around a moving centre).
/// </summary>
public static class SyntheticFrames
{
    public static string Ticker(int i) => $"KXNBAGAME-26NOV23T{i:D4}HOU-HOU";

    public static byte[] Snapshot(string ticker, int seq)
    {
        var sb = new StringBuilder();
        sb.Append("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":").Append(seq)
          .Append(",\"msg\":{\"market_ticker\":\"").Append(ticker).Append("\",\"yes_dollars_fp\":[");
        for (var c = 40; c <= 48; c++)
            sb.Append(c > 40 ? "," : "").Append("[\"0.").Append(c.ToString("D2")).Append("00\",\"100.00\"]");
        sb.Append("],\"no_dollars_fp\":[");
        for (var c = 43; c <= 51; c++)
            sb.Append(c > 43 ? "," : "").Append("[\"0.").Append(c.ToString("D2")).Append("00\",\"100.00\"]");
        sb.Append("]}}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A delta that adds (even k) or removes (odd k) 1.00 at a level that the snapshot holds at 100.</summary>
    public static byte[] Delta(string ticker, long seq, int k)
    {
        var side = (k / 2) % 2 == 0 ? "yes" : "no";
        var cents = side == "yes" ? 40 + (k / 4) % 9 : 43 + (k / 4) % 9;
        var delta = k % 2 == 0 ? "1.00" : "-1.00";
        return Encoding.UTF8.GetBytes(
            $"{{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":{seq},\"msg\":{{\"market_ticker\":\"{ticker}\",\"price_dollars\":\"0.{cents:D2}00\",\"delta_fp\":\"{delta}\",\"side\":\"{side}\",\"ts_ms\":1781159387354}}}}");
    }
}
