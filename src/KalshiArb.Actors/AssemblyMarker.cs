namespace KalshiArb.Actors;
