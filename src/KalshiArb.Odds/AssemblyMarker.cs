namespace KalshiArb.Odds;
