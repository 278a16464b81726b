using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace KalshiArb.Exchange.Tests.Support;

/// <summary>
/// A bare RFC 6455 client over TCP: it shows control frames (pings) that ClientWebSocket hides, and can stop reading.
/// </summary>
public sealed class RawWebSocket : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawWebSocket> Connect(ExchangeSimulator sim, TestAccount account)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", sim.Port);
        var ws = new RawWebSocket(tcp);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request =
            $"GET {sim.WsUrl.AbsolutePath} HTTP/1.1\r\nHost: 127.0.0.1:{sim.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}\r\nSec-WebSocket-Version: 13\r\n" +
            $"KALSHI-ACCESS-KEY: {account.KeyId}\r\nKALSHI-ACCESS-TIMESTAMP: {ts}\r\n" +
            $"KALSHI-ACCESS-SIGNATURE: {account.Sign(ts, "GET", sim.WsUrl.AbsolutePath)}\r\n\r\n";
        await ws._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var b = ws._stream.ReadByte();
            if (b < 0) throw new IOException("handshake cut");
            head.Append((char)b);
        }
        Assert.StartsWith("HTTP/1.1 101", head.ToString());
        return ws;
    }

    /// <summary>Sends a masked text frame (clients must mask).</summary>
    public async Task SendText(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new List<byte> { 0x81 };
        if (payload.Length < 126) frame.Add((byte)(0x80 | payload.Length));
        else
        {
            frame.Add(0x80 | 126);
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }
        var mask = RandomNumberGenerator.GetBytes(4);
        frame.AddRange(mask);
        for (var i = 0; i < payload.Length; i++) frame.Add((byte)(payload[i] ^ mask[i % 4]));
        await _stream.WriteAsync(frame.ToArray());
    }

    /// <summary>Next frame as (opcode, payload); null at end of stream.</summary>
    public async Task<(int Opcode, byte[] Payload)?> NextFrame(CancellationToken ct)
    {
        var header = new byte[2];
        if (!await ReadExactly(header, ct)) return null;
        var opcode = header[0] & 0x0F;
        long length = header[1] & 0x7F;
        if (length == 126)
        {
            var ext = new byte[2];
            if (!await ReadExactly(ext, ct)) return null;
            length = BinaryPrimitives.ReadUInt16BigEndian(ext);
        }
        else if (length == 127)
        {
            var ext = new byte[8];
            if (!await ReadExactly(ext, ct)) return null;
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(ext);
        }
        var payload = new byte[length];
        if (!await ReadExactly(payload, ct)) return null;
        return (opcode, payload);
    }

    private async Task<bool> ReadExactly(byte[] buffer, CancellationToken ct)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, ct);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            // connection reset or closed by the server: the caller sees end of stream
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
