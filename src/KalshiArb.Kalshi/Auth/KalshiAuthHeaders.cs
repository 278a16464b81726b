namespace KalshiArb.Kalshi.Auth;

/// <summary>The signed headers of one request. ToString hides the signature.</summary>
public readonly record struct KalshiAuthHeaders(string KeyId, long TimestampMs, string Signature)
{
    public void ApplyTo(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        headers.Remove(KalshiSigner.KeyHeader);
        headers.Remove(KalshiSigner.TimestampHeader);
        headers.Remove(KalshiSigner.SignatureHeader);
        headers.TryAddWithoutValidation(KalshiSigner.KeyHeader, KeyId);
        headers.TryAddWithoutValidation(KalshiSigner.TimestampHeader, TimestampMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(KalshiSigner.SignatureHeader, Signature);
    }

    public void ApplyTo(System.Net.WebSockets.ClientWebSocketOptions options)
    {
        options.SetRequestHeader(KalshiSigner.KeyHeader, KeyId);
        options.SetRequestHeader(KalshiSigner.TimestampHeader, TimestampMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        options.SetRequestHeader(KalshiSigner.SignatureHeader, Signature);
    }

    public override string ToString() => $"KalshiAuthHeaders(key: ***, ts: {TimestampMs}, signature: ***)";
}
