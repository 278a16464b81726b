using System.Buffers;
using System.Text.Json;

namespace KalshiArb.Exchange.Streaming;

/// <summary>Builds WS frames around an already serialized msg, so a message is serialized once per event, not per sid.</summary>
internal static class StreamFrames
{
    public static byte[] Data(string type, int sid, long? seq, ReadOnlySpan<byte> msg)
    {
        var buffer = new ArrayBufferWriter<byte>(msg.Length + 64);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteNumber("sid", sid);
            if (seq is { } s) w.WriteNumber("seq", s);
            w.WritePropertyName("msg");
            w.WriteRawValue(msg, skipInputValidation: true);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Reply(string type, long? id, int? sid, object? msg)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            if (id is { } i) w.WriteNumber("id", i);
            if (sid is { } s) w.WriteNumber("sid", s);
            if (msg is not null)
            {
                w.WritePropertyName("msg");
                JsonSerializer.Serialize(w, msg, msg.GetType(), Wire.WireJson.Options);
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(long? id, int code, string message) =>
        Reply("error", id, null, new StreamErrorMsg(code, message));
}

internal sealed record StreamErrorMsg(int Code, string Msg);
