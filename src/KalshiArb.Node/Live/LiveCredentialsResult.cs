namespace KalshiArb.Node.Live;

/// <summary>Loaded credentials, or the reason they were refused and a detail naming the variable or file (never a secret).</summary>
public sealed record LiveCredentialsResult(LiveCredentials? Credentials, LiveCredentialsFailure Failure, string Detail)
{
    public bool IsSuccess => Failure == LiveCredentialsFailure.None && Credentials is not null;

    public static LiveCredentialsResult Ok(LiveCredentials credentials) => new(credentials, LiveCredentialsFailure.None, "");

    public static LiveCredentialsResult Fail(LiveCredentialsFailure failure, string detail) => new(null, failure, detail);

    public override string ToString() => IsSuccess ? $"Ok({Credentials})" : $"Fail({Failure}: {Detail})";
}
