namespace KalshiArb.Kalshi;
