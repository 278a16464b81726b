namespace KalshiArb.Exchange;
