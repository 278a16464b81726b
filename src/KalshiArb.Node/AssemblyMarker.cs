namespace KalshiArb.Node;
