namespace KalshiArb.Node.Live;

/// <summary>Why live credentials were refused. None only on success.</summary>
public enum LiveCredentialsFailure
{
    None = 0,
    MissingKeyId,
    MissingKeyPath,
    KeyFileNotFound,
    KeyFileUnreadable,

    /// <summary>The private key file grants group or other users any access (Unix): anyone on the box could trade.</summary>
    KeyFileTooOpen,

    /// <summary>The file is not an RSA private key PEM (PKCS#1 or PKCS#8).</summary>
    BadPrivateKey,
    MissingOddsApiKey,

    /// <summary>A URL that is not absolute or has the wrong scheme for its use.</summary>
    InvalidUrl,

    /// <summary>Plain http/ws to a host other than loopback: signed requests would travel unencrypted.</summary>
    InsecureUrl,

    /// <summary>--env demo with a Kalshi URL that is not the demo exchange.</summary>
    WrongEnvironment,
}
