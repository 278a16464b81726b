namespace KalshiArb.Kalshi.Tests;
