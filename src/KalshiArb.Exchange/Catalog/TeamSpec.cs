namespace KalshiArb.Exchange.Catalog;

/// <summary>A team as Kalshi and sportsbooks name it: ticker code ("PHI"), yes_sub_title ("Philadelphia"), full name.</summary>
public sealed record TeamSpec(string Code, string ShortName, string FullName);
