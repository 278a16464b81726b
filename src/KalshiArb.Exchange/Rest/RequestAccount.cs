using KalshiArb.Exchange.Accounts;

namespace KalshiArb.Exchange.Rest;

/// <summary>The account whose signature the auth middleware verified for this request.</summary>
internal static class RequestAccount
{
    private const string Key = "kalshi.account";

    public static void Set(HttpContext context, AccountLedger account) => context.Items[Key] = account;

    public static AccountLedger Get(HttpContext context) =>
        context.Items[Key] as AccountLedger ?? throw new InvalidOperationException("request reached a handler without authentication");
}
