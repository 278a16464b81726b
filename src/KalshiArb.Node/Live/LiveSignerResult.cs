using KalshiArb.Kalshi.Auth;

namespace KalshiArb.Node.Live;

/// <summary>A signer built from the key file, or why it could not be. The caller owns (disposes) the signer.</summary>
public sealed record LiveSignerResult(KalshiSigner? Signer, LiveCredentialsFailure Failure, string Detail)
{
    public bool IsSuccess => Failure == LiveCredentialsFailure.None && Signer is not null;

    public override string ToString() => IsSuccess ? "Ok(KalshiSigner)" : $"Fail({Failure}: {Detail})";
}
