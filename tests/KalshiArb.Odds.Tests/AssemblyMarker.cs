namespace KalshiArb.Odds.Tests;
